"""The checks in the workstation: the editor's live findings panel, the read-only
findings view the queue embeds, and the administrator's word-list screen."""
