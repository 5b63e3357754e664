"""Guide cards in the profile (办事须知卡), without Qt or reportlab.

Modules:
  templates   the rules of a card template, and the templates the administrator keeps
  printing    which guide version may be printed, by whom, and the print count in the audit
  pinyin      spellings of guide names: full pinyin and initials, heteronyms included
  index       the front desk's search index of guides (names, pinyin, initials, printability)
  models      the tables (created by migration 0004)
  demo_step   the demo profile's guides made ready to print
"""
