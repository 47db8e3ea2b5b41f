"""The document toolkit: receipts and tickets on paper, PDF (reportlab) and ESC/POS (python-escpos). No Qt here.

Imports no area package (queue, intake, complaints, catalog) and no database code
(tests/unit/test_layering.py): the areas say what goes on a document, this package draws it.
"""
