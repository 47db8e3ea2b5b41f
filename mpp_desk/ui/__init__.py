"""The PySide6 layer: windows, widgets, item models. The only package that imports Qt."""
