"""The review workflow (DESIGN.md §5): one state machine, stages, routing, decisions.

Modules:
  states      the state machine: item, version and review-task states and their transitions
  routing     who reviews what: stages per column, section heads, supervising leaders, 代审
  delegation  a reviewer names a deputy for a date range
  submission  freezing a version and opening its first stage; withdrawal and 废止 requests
  bundles     a policy document and its interpretation travel together
  decisions   approve / approve with comment / return, bound to (item, version, hash)
  publication what the sync layer reports back: published, withdrawn, decision status
  queue       the reviewer's queue, counts per state, an item's decision history
  calendar    the working-day calendar an administrator or leader edits
  catalogue   the outbox operations this package writes (documented in docs/workflow.md)

Nothing here imports Qt; every function that changes data takes the acting user and
checks, in this layer, that the user may do it.
"""
