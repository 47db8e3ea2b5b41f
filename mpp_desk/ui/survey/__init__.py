"""The satisfaction survey screen (``mpp-desk --survey``), locked like the kiosk."""

from mpp_desk.ui.survey.window import SurveyWindow

__all__ = ["SurveyWindow"]
