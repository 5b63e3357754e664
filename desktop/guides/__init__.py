"""The structured 办事指南 editor: a panel of the item editor for guide columns."""
