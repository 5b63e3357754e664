"""The editor's link to the database: which item, what of it is saved, and when to save.

Every write is an Op on the single write worker, so writes happen in the order they are
asked for. A new item gets its row at the first save; DraftRef records the new id on the
worker, where the writes that follow read it, so the editor never waits for it.
The widgets' values are read on the main thread (`collect`) before an Op starts.

A save checks first that the stored content is still what the editor last showed or
wrote (`DraftRef.base`): a pull (or another window) that changed it meanwhile makes the
save fail with ChangedElsewhere instead of overwriting what arrived unseen.
"""
from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PyQt6 import sip
from PyQt6.QtCore import QObject, pyqtSignal

from db import attachments, content, items
from db.database import database
from db.errors import DomainError, ValidationFailed
from db.models import Attachment, Column, Item, User, Version
from desktop.context import Changes
from desktop.editor.autosave import AutosaveTimer
from desktop.operations import Op


@dataclass
class Saved:
    item: Item
    created: bool = False
    state_changed: bool = False


@dataclass
class SubmitOutcome:
    item: Item
    version: Version | None
    problems: dict = field(default_factory=dict)
    findings: list = field(default_factory=list)    # the blocking check findings that refused it


@dataclass
class AddOutcome:
    added: list[str] = field(default_factory=list)
    errors: list[DomainError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)    # not tried: the user cancelled


class ChangedElsewhere(DomainError):
    """The stored item changed after the editor showed it; saving would overwrite that."""

    def __init__(self):
        super().__init__("此信息已在其他工作站修改，您的修改尚未保存",
                         "This item was changed on another workstation; your changes are not saved yet")


def fingerprint(item: Item) -> str:
    """The hash of what the editor shows of an item: its content and attachments. The 索引号
    is left out: a pull may make a provisional number final, which is no edit to protect."""
    shown = content.item_content(item, Attachment.current_of(item))
    shown["meta"] = {**shown.get("meta", {}), "index_no": ""}
    return content.content_hash(shown)


class DraftRef:
    """The item being edited; `item_id` is None until the first save creates the row.

    Written only on the write worker (the editor sets `base` when it loads, with nothing in
    flight); the main thread reads it after an Op has finished.
    """

    def __init__(self, user: User, item_id: str | None):
        self.user = user
        self.item_id = item_id
        self.base: str | None = None      # fingerprint of the stored item the editor is based on

    def item(self) -> Item:
        return items.get_item(self.item_id)

    def as_shown(self, stored: Item | None = None) -> bool:
        """The stored item (`stored` when the caller holds it) is still the one the editor is based on."""
        return self.item_id is None or self.base is None or fingerprint(stored or self.item()) == self.base

    def remember(self, stored: Item | None = None) -> None:
        """Base the editor on the stored item (`stored` when the caller holds it already)."""
        stored = stored or Item.get_or_none(Item.id == self.item_id)     # a discarded new item is gone
        self.base = fingerprint(stored) if stored is not None else None

    def save(self, column_id: str, fields: dict, autosave: bool, overwrite: bool = False) -> Saved:
        """Store the fields; refused with ChangedElsewhere when the stored item changed since
        the editor was based on it, unless the user chose to `overwrite` it."""
        if self.item_id is None:
            return self._create(column_id, fields, autosave)
        with database.atomic():      # the check and the write see the same stored row
            stored = self.item()
            if not overwrite and not self.as_shown(stored):
                raise ChangedElsewhere()
            item = items.save_item(self.user, stored, fields, autosave=autosave)
            self.remember(item)       # the row as just written (a save leaves attachments alone)
        return Saved(item, state_changed=item.state != stored.state)

    def ensure(self, column_id: str, fields: dict) -> Saved:
        """The item, created from `fields` (as an autosave) when it has no row yet."""
        if self.item_id is None:
            return self._create(column_id, fields, autosave=True)
        return Saved(self.item())

    def _create(self, column_id: str, fields: dict, autosave: bool) -> Saved:
        item = items.create_item(self.user, Column.get_by_id(column_id), fields, autosave=autosave)
        self.item_id = item.id
        self.remember(item)
        return Saved(item, created=True)

    def own_write(self, work: Callable[[], Any]) -> Any:
        """Run one of the editor's other writes (attachments, move, revert). The base follows
        it only if the item was as shown before, so a change from elsewhere stays detected."""
        in_step = self.as_shown()
        result = work()
        if in_step and self.item_id is not None:
            self.remember()
        return result


class EditSession(QObject):
    saved = pyqtSignal(object, bool)      # (Item, autosave)
    failed = pyqtSignal(object)           # the exception of a failed write
    busy_changed = pyqtSignal(bool)

    def __init__(self, ctx, parent, item_id: str | None, column_id: str | None,
                 collect: Callable[[], dict]):
        super().__init__(parent)
        self.ctx = ctx
        self.ref = DraftRef(ctx.user, item_id)
        self.column_id = column_id
        self.collect = collect
        self.generation = 0           # counts the user's changes
        self.saved_generation = 0     # the change count the database has
        self.checkpointed = True      # False while the newest stored change is only an autosave
        self.in_flight = 0
        self._reading_dir: Path | None = None
        self.autosave = AutosaveTimer(self)
        self.autosave.due.connect(self.autosave_now)

    # what is saved -----------------------------------------------------------------
    @property
    def item_id(self) -> str | None:
        return self.ref.item_id

    @property
    def dirty(self) -> bool:
        """Changes the database does not have yet."""
        return self.generation != self.saved_generation

    @property
    def needs_save(self) -> bool:
        """Changes not yet saved on purpose (typed now, or only autosaved)."""
        return self.dirty or not self.checkpointed

    def idle(self) -> bool:
        return self.in_flight == 0 and not self.autosave.pending()

    def note_change(self) -> None:
        self.generation += 1
        self.autosave.poke()

    def forget_changes(self) -> None:
        """Drop the typing not yet stored (the user chose to load what is stored instead)."""
        self.autosave.stop()
        self.saved_generation = self.generation

    def _mark_saved(self, generation: int, autosave: bool) -> None:
        self.saved_generation = max(self.saved_generation, generation)
        self.checkpointed = not autosave

    # writes --------------------------------------------------------------------------
    def autosave_now(self) -> None:
        if self.dirty:
            self.save(autosave=True)

    def save(self, autosave: bool = False, then: Callable[[Item], None] | None = None,
             overwrite: bool = False) -> None:
        """Store the fields on the worker; `overwrite` replaces a stored item that changed
        elsewhere (the user chose to keep their own changes)."""
        self.autosave.stop()
        ref, column_id, fields, generation = self.ref, self.column_id, self.collect(), self.generation

        def done(outcome: Saved) -> None:
            self._mark_saved(generation, autosave)
            if outcome.created or outcome.state_changed or not autosave:
                self.ctx.notify(Changes(items=True))
            self.saved.emit(outcome.item, autosave)
            if then:
                then(outcome.item)
        self.run(lambda: ref.save(column_id, fields, autosave, overwrite), done)

    def submit(self, then: Callable[[SubmitOutcome], None]) -> None:
        """Save what is unsaved, then submit; problems come back in the outcome, not as errors."""
        self.autosave.stop()
        save_first = self.needs_save or self.item_id is None
        ref, column_id, fields, generation = self.ref, self.column_id, self.collect(), self.generation

        def work() -> SubmitOutcome:
            if save_first:
                ref.save(column_id, fields, autosave=False)
            elif not ref.as_shown():
                raise ChangedElsewhere()     # would submit content the user has not seen
            try:
                version = items.submit(ref.user, ref.item())
            except ValidationFailed as refused:
                return SubmitOutcome(ref.item(), None, refused.problems, list(getattr(refused, "findings", [])))
            return SubmitOutcome(ref.item(), version)

        def done(outcome: SubmitOutcome) -> None:
            if save_first:
                self._mark_saved(generation, autosave=False)
            self.ctx.notify(Changes(items=True, queue=outcome.version is not None))
            then(outcome)
        self.run(work, done)

    def move(self, column_id: str, then: Callable[[Item], None]) -> None:
        """Move the saved draft to another column (db.items.move_draft). Changes typed but
        not yet saved stay pending: autosave writes them into the new column."""
        ref = self.ref

        def done(item: Item) -> None:
            self.column_id = item.column_id
            self.ctx.notify(Changes(items=True))
            then(item)
        self.run(lambda: ref.own_write(lambda: items.move_draft(ref.user, ref.item(), Column.get_by_id(column_id))), done)

    def revert(self, then: Callable[[Item | None], None]) -> None:
        """Drop the changes since the last explicit save (db.items.revert_to_last_save)."""
        self.autosave.stop()
        ref, generation = self.ref, self.generation
        if ref.item_id is None:
            then(None)
            return

        def done(item: Item | None) -> None:
            self._mark_saved(generation, autosave=False)
            self.ctx.notify(Changes(items=True))
            then(item)
        self.run(lambda: ref.own_write(lambda: items.revert_to_last_save(ref.user, ref.item())), done)

    def add_files(self, paths: list[str], then: Callable[[AddOutcome], None],
                  cancel: threading.Event | None = None) -> None:
        """Attach files (hashed and copied on the worker); a file refused leaves the rest alone.

        Setting `cancel` stops before the next file; the files already attached stay.
        """
        ref, column_id, fields, profile = self.ref, self.column_id, self.collect(), self.ctx.profile
        generation, is_new = self.generation, self.item_id is None

        def work() -> AddOutcome:
            return ref.own_write(attach)

        def attach() -> AddOutcome:
            outcome = AddOutcome()
            if cancel is not None and cancel.is_set():
                outcome.skipped = [Path(p).name for p in paths]
                return outcome
            ref.ensure(column_id, fields)
            for index, path in enumerate(paths):
                if cancel is not None and cancel.is_set():
                    outcome.skipped = [Path(p).name for p in paths[index:]]
                    break
                try:
                    attachments.add_attachment(profile, ref.user, ref.item(), Path(path))
                    outcome.added.append(Path(path).name)
                except DomainError as error:
                    outcome.errors.append(error)
            return outcome

        def done(outcome: AddOutcome) -> None:
            if is_new and self.item_id is not None:
                self._mark_saved(generation, autosave=True)
            self.ctx.notify(Changes(items=True))
            then(outcome)
        self.run(work, done)

    def remove_attachment(self, attachment_id: str, then: Callable[[Any], None]) -> None:
        ref = self.ref

        def done(result) -> None:
            self.ctx.notify(Changes(items=True))
            then(result)
        self.run(lambda: ref.own_write(lambda: attachments.remove_attachment(ref.user, Attachment.get_by_id(attachment_id))),
                 done)

    def readable_copy(self, attachment_id: str, then: Callable[[Path], None]) -> None:
        """A copy of an attachment under its own name in a private temporary folder."""
        profile = self.ctx.profile
        if self._reading_dir is None:   # private (mode 0700) and per session
            self._reading_dir = Path(tempfile.mkdtemp(prefix="gongkai-attachments-"))
        folder = self._reading_dir / attachment_id
        self.run(lambda: attachments.readable_copy(profile, Attachment.get_by_id(attachment_id), folder), then)

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run `work` on the write worker; `done` gets its result on the main thread."""
        self.in_flight += 1
        if self.in_flight == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self.in_flight -= 1
            if self.in_flight == 0:
                self.busy_changed.emit(False)

        def succeeded(result) -> None:
            if not sip.isdeleted(self):    # its window may be gone (closed, or a test ended)
                finish()
                done(result)

        def failed(error: BaseException) -> None:
            if not sip.isdeleted(self):
                finish()
                self.failed.emit(error)
        Op(None, self.ctx, work).success(succeeded).failure(failed).run_in_background()
