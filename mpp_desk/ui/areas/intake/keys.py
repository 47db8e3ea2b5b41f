"""The intake area's shortcuts, page by page (the pages handle the keys inside their own fields)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def handle_key(area, event) -> bool:
    """Run the shortcut of *event* on the area's current page; False when the key is not one of them."""
    key, modifiers = event.key(), event.modifiers()
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    page = area.page
    if page == area.CHECKLIST:
        if key == Qt.Key.Key_F12 or (ctrl and enter):
            area.finish()
            return True
        if ctrl and key == Qt.Key.Key_S:
            area.save_checklist()
            return True
        if alt and key == Qt.Key.Key_A:
            area.all_present()
            return True
        if alt and key == Qt.Key.Key_P:
            area.checklist_page.procedure_button.show_procedure()
            return True
        if alt and key == Qt.Key.Key_Left:
            area._show_page(area.APPLICANT)
            return True
    elif page == area.APPLICANT:
        if ctrl and enter:
            area.submit_applicant()
            return True
        if alt and key == Qt.Key.Key_L:
            area.use_previous_visit()
            return True
        if alt and key == Qt.Key.Key_Left:
            area._show_page(area.START)
            return True
    elif page == area.DONE:
        if ctrl and key == Qt.Key.Key_P:
            (area.print_with_dialog if shift else area.print_receipt)()
            return True
    if ctrl and key == Qt.Key.Key_N:
        area.new_intake()
        return True
    return False
