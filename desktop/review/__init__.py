"""The review side of the workstation: the queue's model, the preview and diff views, the
decision dialogs, the queue counts in the status bar, and the calendar and delegation
screens. The queue page itself is desktop/pages/queue_page.py."""
