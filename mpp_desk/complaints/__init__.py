"""The complaint desk (pengaduan, saran dan masukan): capture rules, follow-up, oversight, register, receipts.

``rules`` is pure (the capture rules of the service standard); ``service`` holds the use cases
over a unit of work; ``oversight`` the supervisor's figures; ``register`` the exports;
``receipts`` the complaint receipt; ``attachments`` the stored files; ``channels`` the list of
channels seeded from the standard.
"""
