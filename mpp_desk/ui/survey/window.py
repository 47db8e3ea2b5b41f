"""The survey screen (``mpp-desk --survey [--counter N]``): full screen, touch-first, locked like the kiosk.

Start → (the service, unless a counter handed the tablet over for one) → the nine elements, one per
screen → age, sex, education, occupation → an optional suggestion → thank you. Every question can be
skipped; nothing is stored until Send. A counter's hand-over (:func:`mpp_desk.survey.service.hand_over`)
is looked for every few seconds while the start page shows; with ``--counter N`` only that counter's.
After a while without a touch an unfinished survey is dropped and the start page returns.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QWidget

from mpp_desk.i18n import N_
from mpp_desk.ui.machine import MachineWindow, office_time, scaled_sizes
from mpp_desk.ui.survey.pages import ChoicePage, ServicePage, StartPage, SuggestionPage, ThanksPage, label
from mpp_desk.ui.survey.style import SIZES, STYLE
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.survey import elements
from mpp_desk.survey.service import Profile, ServiceRef

IDLE_MS = 90_000  # an unfinished survey is dropped after this long without a touch
THANKS_MS = 8_000
INVITE_POLL_MS = 3_000
PROFILE_STEPS = ("age_group", "sex", "education", "occupation")
PROFILE_QUESTIONS = {
    "age_group": N_("SurveyWindow", "How old are you?"),
    "sex": N_("SurveyWindow", "Are you…"),
    "education": N_("SurveyWindow", "Your highest education"),
    "occupation": N_("SurveyWindow", "Your occupation"),
}


class SurveyWindow(MachineWindow):
    """The controller: the survey's state (service, answers, profile) and which page shows."""

    sig_submitted = Signal(object)
    """A response was stored (SubmittedResponse)."""

    sig_invited = Signal(object)
    """A counter's hand-over was picked up (its ServiceRef)."""

    mode = "survey"

    def __init__(self, *, ctx, tasks: TaskManager, counter_number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self.setObjectName("surveyRoot")
        self.setWindowTitle(self.tr("Satisfaction survey"))
        self.counter_number = counter_number
        self.idle_ms = IDLE_MS
        self.services: tuple = ()
        self._scale = 0.0
        self._polling = False
        self._sending = False
        self._build_header()
        self.start_page = StartPage()
        self.service_page = ServicePage()
        self.choice_page = ChoicePage()
        self.suggestion_page = SuggestionPage()
        self.thanks_page = ThanksPage()
        for page in (self.start_page, self.service_page, self.choice_page, self.suggestion_page, self.thanks_page):
            self.pages.addWidget(page)
        self._build_timers()
        self._connect()
        self.reset()

    def _build_header(self) -> None:
        header = QFrame()
        header.setObjectName("surveyHeader")
        self.office_label = label("", "surveyOffice", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.clock_label = label("", "surveyClock", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(header)
        row.setContentsMargins(28, 10, 28, 10)
        row.addWidget(self.office_label, 1)
        row.addWidget(self.clock_label)
        self.main_layout.insertWidget(0, header)

    def _build_timers(self) -> None:
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.back_to_start)
        self.invite_timer = QTimer(self)
        self.invite_timer.setInterval(INVITE_POLL_MS)
        self.invite_timer.timeout.connect(self.look_for_invite)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self._tick()

    def _connect(self) -> None:
        self.start_page.sig_start.connect(self.start)
        self.service_page.sig_chosen.connect(self.choose_service)
        self.service_page.sig_back.connect(self.back_to_start)
        self.choice_page.sig_answer.connect(self.answer)
        self.choice_page.sig_back.connect(self.previous)
        self.suggestion_page.sig_back.connect(self.previous)
        self.suggestion_page.sig_send.connect(self.send)
        self.thanks_page.sig_done.connect(self.back_to_start)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any touch restarts the idle countdown

    # ----- state -----------------------------------------------------------------------------------
    def reset(self) -> None:
        self.about = ServiceRef()
        self.invited = False
        self.scores: list[int | None] = [None] * 9
        self.profile: dict[str, str] = dict.fromkeys(PROFILE_STEPS, "")
        self.step = 0
        self.suggestion_page.clear()
        self.start_page.show_service("")

    @property
    def step_count(self) -> int:
        return 9 + len(PROFILE_STEPS)

    # ----- the database ---------------------------------------------------------------------------
    def start_opening(self) -> None:
        from mpp_desk.ui.ops import survey as ops  # lazy: kept out of the first paint of the survey screen

        ctx = self._ctx
        Op(self._tasks, lambda: ops.open_survey(ctx)).success(self._opened).failure(self.opening_failed).run()

    def _opened(self, start) -> None:
        self.office_label.setText(start.office_name)
        self.services = start.services
        self.service_page.show_services(start.services, ServiceRef())
        self.show_page(self.start_page)
        self.clock_timer.start()
        self.invite_timer.start()
        self.sig_ready.emit(self.mode)

    def look_for_invite(self) -> None:
        """Ask for a counter's hand-over (only while the start page waits for someone)."""
        if self._polling or self.pages.currentWidget() is not self.start_page or self.invited:
            return
        from mpp_desk.ui.ops import survey as ops  # lazy: kept out of the first paint of the survey screen

        self._polling = True
        ctx, counter, now = self._ctx, self.counter_number, self._ctx.clock.now()
        Op(self._tasks, lambda: ops.pending_invite(ctx, counter_number=counter, now=now)).success(
            self._invite_found).failure(self._invite_failed).run()

    def _invite_found(self, ref) -> None:
        self._polling = False
        if ref is None or self.pages.currentWidget() is not self.start_page:
            return
        self.about = ref
        self.invited = True
        self.start_page.show_service(ref.title or self.tr("Services of the MPP in general"))
        self.idle_timer.start(self.idle_ms)  # a hand-over nobody takes up is let go
        self.sig_invited.emit(ref)

    def _invite_failed(self, _error) -> None:
        self._polling = False  # the next poll tries again

    # ----- the respondent's touches -----------------------------------------------------------------
    def start(self) -> None:
        if self.invited:
            self.step = 0
            self.ask()
        else:
            self.show_page(self.service_page)
        self.idle_timer.start(self.idle_ms)

    def choose_service(self, ref) -> None:
        self.about = ref
        self.step = 0
        self.ask()

    def answer(self, value) -> None:
        if self.step < 9:
            self.scores[self.step] = value
        else:
            self.profile[PROFILE_STEPS[self.step - 9]] = value or ""
        self.step += 1
        self.ask()

    def previous(self) -> None:
        if self.step == 0:
            self.show_page(self.start_page if self.invited else self.service_page)
            return
        self.step -= 1
        self.ask()

    def ask(self) -> None:
        """Show the question of the current step (or the suggestion page after the last one)."""
        if self.step >= self.step_count:
            self.suggestion_page.send_button.setEnabled(True)
            self.show_page(self.suggestion_page)
            return
        if self.step < 9:
            element = elements.ELEMENTS[self.step]
            choices = [(score, element.answer_text(score)) for score in (1, 2, 3, 4)]
            self.choice_page.ask(
                progress=self.tr("Question {n} of {total}").format(n=self.step + 1, total=9),
                topic=element.label(), question=element.question_text(), choices=choices,
                columns=self._answer_columns(4), chosen=self.scores[self.step], scored=True)
        else:
            key = PROFILE_STEPS[self.step - 9]
            table = {"age_group": elements.AGE_GROUPS, "sex": elements.SEXES, "education": elements.EDUCATION,
                     "occupation": elements.OCCUPATIONS}[key]
            choices = [(code, elements.label(table, code)) for code in table]
            self.choice_page.ask(
                progress=self.tr("About you ({n} of {total})").format(n=self.step - 8, total=len(PROFILE_STEPS)),
                topic="", question=QCoreApplication.translate("SurveyWindow", PROFILE_QUESTIONS[key]), choices=choices,
                columns=self._answer_columns(len(choices)), chosen=self.profile[key] or None)
        self.show_page(self.choice_page)

    def _answer_columns(self, count: int) -> int:
        if self.height() > self.width():
            return 1 if count <= 4 else 2
        return 2 if count <= 4 else 3

    def send(self, suggestion: str) -> None:
        if self._sending:
            return
        from mpp_desk.ui.ops import survey as ops  # lazy: kept out of the first paint of the survey screen

        self._sending = True
        self.suggestion_page.send_button.setEnabled(False)
        ctx, scores, about = self._ctx, tuple(self.scores), self.about
        p = self.profile
        profile = Profile(age_group=p["age_group"], sex=p["sex"], education=p["education"], occupation=p["occupation"])
        Op(self._tasks, lambda: ops.submit(ctx, scores=scores, profile=profile, suggestion=suggestion,
                                           about=about)).success(self._sent).failure(self._send_failed).run()

    def _sent(self, result) -> None:
        self._sending = False
        self.reset()
        self.show_page(self.thanks_page)
        self.idle_timer.start(THANKS_MS)
        self.sig_submitted.emit(result)

    def _send_failed(self, error: BaseException) -> None:
        from mpp_desk.ui.forms import error_text  # lazy: kept out of the first paint of the survey screen

        self._sending = False
        self.suggestion_page.show_error(error_text(error))

    def back_to_start(self) -> None:
        """Drop an unfinished survey and show the start page (also after the idle time)."""
        if self.pin_showing or self._sending:
            return
        self.idle_timer.stop()
        self.reset()
        if self._open_started and self.pages.currentWidget() is not self.opening:
            self.show_page(self.start_page)

    # ----- time, idle, size -----------------------------------------------------------------------
    def _tick(self) -> None:
        self.clock_label.setText(f"{office_time(self._ctx.clock.now()):%H:%M}")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - a touch anywhere restarts the idle countdown
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            if self.idle_timer.isActive() and self.pages.currentWidget() is not self.thanks_page:
                self.idle_timer.start(self.idle_ms)
        return False

    def pin_opened(self) -> None:
        self.idle_timer.stop()

    def pin_closed(self) -> None:
        if self.pages.currentWidget() is not self.start_page:
            self.idle_timer.start(self.idle_ms)

    def shutdown(self) -> None:
        for timer in (self.idle_timer, self.invite_timer, self.clock_timer):
            timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - fonts follow the screen
        super().resizeEvent(event)
        scale = min(self.width(), self.height()) / 1080
        if abs(scale - self._scale) > 0.01:
            self._scale = scale
            self.setStyleSheet(STYLE + scaled_sizes(SIZES, scale))
