"""The satisfaction survey (SKM, PermenPANRB 14/2017): capture, import, the index (IKM) and its reports.

``elements`` holds the nine elements and the answers as the regulation words them, ``index`` the
pure arithmetic (NRR, IKM with exactly 1/9, grade, Krejcie–Morgan), ``service`` the records,
``importer`` the CSV import, ``report`` / ``service_report`` the quarterly evaluation documents.
"""
