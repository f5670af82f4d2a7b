help conditions
help functions
help formats
help settings
help collections
