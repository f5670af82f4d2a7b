#ifndef CLINEEDIT_SHIM_H
#define CLINEEDIT_SHIM_H
#include <stdio.h>
#include <locale.h>
#include <histedit.h>
#endif
