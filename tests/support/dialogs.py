"""ScriptedDialogs: answers the window's questions from queues and records what it showed."""

from __future__ import annotations


class ScriptedDialogs:
    def __init__(self):
        self.answers: list[str] = []  # for ask_save_changes
        self.paths: list[str] = []  # for open/save dialogs
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.asked: list[str] = []
        self.requests: list = []  # ExportRequest answers for the export dialog
        self.fits: list[tuple[float, str]] = []  # (budget, solve for) the fit dialog is answered with
        self.documents: list[tuple[str, str]] = []  # long texts shown
        self.recover_answers: list[str] = []  # for ask_recover: 'recover', 'saved', 'discard', 'later'
        self.recover_questions: list[tuple[str, bool]] = []
        self.currencies: list = []  # Currency answers for the currency dialog (None: cancelled)
        self.members: list = []  # (label, provider) answers for the new-member dialog (None: cancelled)
        self.member_questions: list = []  # (scenario name, labels taken, suggested label, provider)

    def ask_recover(self, question, has_saved_file):
        self.recover_questions.append((question, has_saved_file))
        return self.recover_answers.pop(0) if self.recover_answers else "later"

    def new_member(self, scenario_name, taken, suggested, provider="other"):
        self.member_questions.append((scenario_name, tuple(taken), suggested, provider))
        return self.members.pop(0) if self.members else None

    def ask_save_changes(self, name):
        self.asked.append(name)
        return self.answers.pop(0) if self.answers else "discard"

    def open_path(self, title, folder, filters=""):
        return self.paths.pop(0) if self.paths else ""

    def save_path(self, title, suggested, filters=""):
        self.suggested = suggested
        return self.paths.pop(0) if self.paths else ""

    def folder(self, title, folder):
        return self.paths.pop(0) if self.paths else ""

    def export_request(self, charts, current, folder, stem):
        return self.requests.pop(0) if self.requests else None

    def fit(self, scenario, solve):
        if not self.fits:
            return None
        result, problem = solve(*self.fits.pop(0))
        if problem:
            self.errors.append(("Fit to budget", problem))
        return result

    def currency(self, current):
        return self.currencies.pop(0) if self.currencies else None

    def document(self, title, markdown):
        self.documents.append((title, markdown))

    def error(self, title, text):
        self.errors.append((title, text))

    def info(self, title, text):
        self.infos.append((title, text))
