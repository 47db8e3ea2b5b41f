"""MPP Desk: front-office software of Mal Pelayanan Publik Bale Madukara, Kabupaten Purwakarta."""

__version__ = "0.1.0"
