# The caret is placed by display width: wide characters before it count twice.
# exit: 1
include "_base.cts"
cadre add c9 "张敏 Peña 🎓" unit=js.orgg rank=staff category=leading
echo not reached
