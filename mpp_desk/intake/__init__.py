"""Intake (penerimaan berkas): the counter checks an applicant's file against the service standard.

- :mod:`~mpp_desk.intake.rules` pure rules: applicant data, checklist states, the status machine;
- :mod:`~mpp_desk.intake.numbers` the registration-number scheme ``MPP/YYYY/MM/BBSSSS``;
- :mod:`~mpp_desk.intake.service` the use cases over a unit of work (visits, registration, search);
- :mod:`~mpp_desk.intake.receipts` the Tanda Terima and the return slip (PDF, ESC/POS, signed QR).
"""
