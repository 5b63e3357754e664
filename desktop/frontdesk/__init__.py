"""导引台 (front desk): find a service by name, pinyin or initials and print its guide card."""
