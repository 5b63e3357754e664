"""Deciding from the queue: approve, approve after confirming, approve with a comment,
return with a reason, bulk approval after confirming, and what the reviewer is told after.

A mixin of the queue page (desktop.pages.queue_page.Page), which supplies the table, the
panel and `deciding()`; the decisions run on the write worker (db.workflow.decisions,
imported there when first needed).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PyQt6.QtCore import QCoreApplication

from db.workflow.routing import roles_in
from desktop.context import Changes
from desktop.operations import Op, error_text
from desktop.review import labels

if TYPE_CHECKING:
    from db.workflow import decisions
    from desktop.review.dialogs import BulkReportDialog, CommentDialog, ConfirmDialog, ReturnDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("QueuePage", text)


def workflow_decisions():
    """db.workflow.decisions, imported when first deciding (on the write worker): the queue
    shows without loading the decision machinery (submission rules, checks, bundles)."""
    from db.workflow import decisions
    return decisions


def outcome_message(outcome: decisions.Outcome) -> str:
    title = outcome.title
    if outcome.kind == "approved":
        return tr("《{title}》已批准并等待同步").format(title=title)
    if outcome.kind == "held":
        return tr("《{title}》已批准，待配套的《{partner}》审签后一同发布").format(title=title, partner=outcome.held_for)
    if outcome.kind == "next_stage":
        stage = labels.named(labels.STAGE_PEOPLE, outcome.next_stage_role)
        return tr("《{title}》已转到下一环节：{stage}").format(title=title, stage=stage)
    return tr("《{title}》已退回给 {name}").format(title=title, name=outcome.returned_to)


def consequence(row) -> str:
    """What approving this row leads to, said before it is done."""
    if row.stage < row.stage_count:
        stage = labels.named(labels.STAGE_PEOPLE, roles_in(row.review_stages)[row.stage])
        return tr("批准后转到下一环节：{stage}。").format(stage=stage)
    if row.purpose == "withdraw":
        return tr("这是终审：批准后将同步从网站撤下此信息。")
    if row.purpose == "abolish":
        return tr("这是终审：批准后网站上此信息将同步标为“废止”。")
    return tr("这是终审：批准后将同步发布到网站。")


class DecidingMixin:
    """The queue page's decisions (see the module's docstring)."""
    return_dialog: ReturnDialog | None = None
    comment_dialog: CommentDialog | None = None
    confirm_dialog: ConfirmDialog | None = None
    report: BulkReportDialog | None = None

    def _decidable_row(self):
        row = self.current_row()     # a row with a problem is listed to say why nobody decides it here
        return row if row is not None and not row.problem and not self.busy and self.deciding() else None

    def approve_current(self, comment: str = "") -> None:
        row = self._decidable_row()
        if row is not None:
            self._approve(row, comment)

    def _approve(self, row, comment: str = "") -> None:
        if self.busy:
            return
        user = self.ctx.user
        self._run(lambda: workflow_decisions().approve(user, row.item_id, row.version_no, row.content_hash, comment), [row])

    def ask_and_approve(self) -> None:
        """The bare A key: approve only after the reviewer confirmed what it leads to."""
        row = self._decidable_row()
        if row is None:
            return
        from desktop.review.dialogs import approve_question
        self.confirm_dialog = approve_question(self, row.title, consequence(row))
        self.confirm_dialog.accepted.connect(lambda: self._approve(row))
        self.confirm_dialog.finished.connect(self._back_to_table)
        self.confirm_dialog.open()

    def approve_with_comment(self) -> None:
        row = self._decidable_row()
        if row is None:
            return
        from desktop.review.dialogs import CommentDialog
        self.comment_dialog = CommentDialog(self, row.title)
        self.comment_dialog.accepted.connect(lambda: self.approve_current(self.comment_dialog.value()))
        self.comment_dialog.finished.connect(self._back_to_table)
        self.comment_dialog.open()

    def return_current(self) -> None:
        row = self._decidable_row()
        if row is None:
            return
        from desktop.review.dialogs import ReturnDialog
        self.return_dialog = ReturnDialog(self, row.title, row.drafter_name)
        self.return_dialog.accepted.connect(lambda: self._return(row, self.return_dialog.value()))
        self.return_dialog.finished.connect(self._back_to_table)
        self.return_dialog.open()

    def _back_to_table(self, _result=None) -> None:
        """After a dialog, the keyboard is back on the queue for the next decision."""
        self.window().activateWindow()
        self.table.setFocus()

    def _return(self, row, reason: str) -> None:
        user = self.ctx.user
        self._run(lambda: workflow_decisions().return_item(user, row.item_id, row.version_no, row.content_hash, reason), [row])

    def _run(self, decide, rows: list) -> None:
        self.busy = True
        self.follow_id = self._next_after(rows)
        (Op(self, self.ctx, decide, Changes(queue=True, items=True))
         .success(self._decided).failure(self._failed).run_in_background())

    def _decided(self, outcome: decisions.Outcome) -> None:
        self.busy = False
        self.panel.say(outcome_message(outcome))

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.follow_id = ""
        self.panel.say(error_text(self.ctx, error), error=True)
        self.refresh()

    def bulk_approve_selected(self) -> None:
        """Ctrl+B or the button: asks 批准所选 N 条？ first, naming what approving leads to."""
        rows = self.selected_rows()
        if len(rows) < 2 or self.busy or not self.deciding():
            return
        final = sum(1 for row in rows if row.stage >= row.stage_count)
        said = (tr("其中 {n} 条为终审，批准后将同步发布到网站。").format(n=final) if final
                else tr("批准后各条转到下一环节。"))
        from desktop.review.dialogs import bulk_question
        self.confirm_dialog = bulk_question(self, len(rows), said + tr("有未处理阻断性检查问题的将跳过。"))
        self.confirm_dialog.accepted.connect(lambda: self._bulk_approve(rows))
        self.confirm_dialog.finished.connect(self._back_to_table)
        self.confirm_dialog.open()

    def _bulk_approve(self, rows: list) -> None:
        if self.busy:
            return
        user, targets = self.ctx.user, [(r.item_id, r.version_no, r.content_hash) for r in rows]
        self.busy = True
        self._update_bulk_button()
        self.follow_id = self._next_after(rows)
        (Op(self, self.ctx, lambda: workflow_decisions().bulk_approve(user, targets), Changes(queue=True, items=True))
         .success(self._bulk_done).failure(self._failed).run_in_background())

    def _bulk_done(self, result: decisions.BulkResult) -> None:
        self.busy = False
        english = self.ctx.english()
        skipped = [(s.title, s.english if english else s.reason) for s in result.skipped]
        text = tr("已批准 {done} 条").format(done=len(result.done))
        if skipped:
            text += tr("，跳过 {n} 条（原因见清单）").format(n=len(skipped))
        self.panel.say(text, error=bool(skipped))
        if skipped:
            from desktop.review.dialogs import BulkReportDialog
            self.report = BulkReportDialog(self, len(result.done), skipped)
            self.report.open()

    def save_slip(self) -> None:
        row = self.current_row()
        if row is not None:
            self.slips.ask_and_save(row.item_id, row.version_no)
