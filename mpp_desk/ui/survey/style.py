"""The survey screen's look: colours here, font sizes scaled to the screen (px for a 1080 px short side)."""

from __future__ import annotations

SIZES = {
    "surveyOffice": 34, "surveyClock": 40, "surveyTitle": 60, "surveyLead": 32, "surveyService": 34,
    "surveyStartButtonText": 56, "surveyProgress": 28, "surveyTopic": 34, "surveyQuestion": 44,
    "surveyAnswerText": 40, "surveyChoiceText": 34, "surveyBackButton": 32, "surveySkipButton": 30,
    "surveySendButton": 40, "surveySuggestionText": 34, "surveyError": 30,
    "machineOpening": 48, "machineError": 40,
    "pinTitle": 44, "pinNote": 28, "pinDisplay": 56, "pinMessage": 30, "pinKey": 48, "pinOk": 40, "pinCancel": 34,
}

# Text on its background at least 4.5:1 (WCAG AA), as on the kiosk.
STYLE = """
QWidget#surveyRoot { background: #eef3f8; }
QFrame#surveyHeader { background: #0b3d6e; }
QLabel#surveyOffice, QLabel#surveyClock { color: white; font-weight: 700; }
QLabel#surveyTitle, QLabel#surveyQuestion { color: #0b3d6e; font-weight: 700; }
QLabel#surveyLead, QLabel#surveyProgress { color: #3a4a5a; }
QLabel#surveyTopic { color: #1565c0; font-weight: 700; }
QLabel#surveyService { color: #0b3d6e; background: white; border-radius: 16px; padding: 14px; }
QLabel#surveyError { color: #b00020; font-weight: 600; }
QPushButton#surveyStartButton { background: #1565c0; border-radius: 30px; }
QPushButton#surveyStartButton:pressed { background: #0b3d6e; }
QLabel#surveyStartButtonText { color: white; font-weight: 800; }
QPushButton#surveyAnswer, QPushButton#surveyChoice {
    background: white; border: 4px solid #b8d0ea; border-radius: 24px; }
QPushButton#surveyAnswer:pressed, QPushButton#surveyChoice:pressed { background: #dce8f5; }
QPushButton#surveyAnswer[score="1"] { border-color: #c62828; }
QPushButton#surveyAnswer[score="2"] { border-color: #ef6c00; }
QPushButton#surveyAnswer[score="3"] { border-color: #2e7d32; }
QPushButton#surveyAnswer[score="4"] { border-color: #1565c0; }
QPushButton#surveyAnswer[chosen="true"] { background: #dce8f5; border-width: 8px; }
QLabel#surveyAnswerText, QLabel#surveyChoiceText { color: #0b3d6e; font-weight: 700; }
QPushButton#surveyBackButton, QPushButton#surveySkipButton {
    background: #56728f; color: white; border-radius: 20px; padding: 16px 28px; }
QPushButton#surveySendButton { background: #2e7d32; color: white; border-radius: 24px; padding: 20px 48px;
    font-weight: 700; }
QPushButton#surveySendButton:disabled { background: #7f9f80; }
QPlainTextEdit#surveySuggestionText { background: white; color: #0b3d6e; border: 3px solid #b8d0ea;
    border-radius: 16px; padding: 10px; }
QScrollArea#surveyScroll, QWidget#surveyServiceList { background: transparent; border: none; }
"""
