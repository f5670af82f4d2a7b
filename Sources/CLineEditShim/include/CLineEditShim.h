#ifndef CLINEEDITSHIM_H
#define CLINEEDITSHIM_H
#include <histedit.h>

/* Non-variadic wrappers around libedit's el_set()/history(), which Swift cannot call,
 * plus the SIGINT flag. Only the CTSShell module uses these. */

typedef unsigned char (*cle_func_t)(EditLine *el, int ch);

EditLine *cle_init(const char *prog);
/* The prompt is copied; bytes between two '\1' are terminal escapes of zero width. */
int cle_set_prompt(EditLine *el, const char *prompt);
int cle_set_editor(EditLine *el, const char *mode);
int cle_set_signal(EditLine *el, int on);
int cle_set_history(EditLine *el, History *h);
int cle_add_function(EditLine *el, const char *name, const char *help, cle_func_t fn);
int cle_bind(EditLine *el, const char *key, const char *command);
int cle_source(EditLine *el);
int cle_set_clientdata(EditLine *el, void *data);
void *cle_get_clientdata(EditLine *el);
/* The line being edited: bytes before the cursor. */
int cle_line_before_cursor(EditLine *el, const char **start);
int cle_insert(EditLine *el, const char *text);
/* Puts text in the input queue (el_push): the next el_wgets reads it as if typed. */
void cle_push(EditLine *el, const char *text);
/* On: Ctrl-D at the end of a line, empty or not, ends the input (presenter mode). Off: back
 * to libedit's em-delete-or-list. */
int cle_set_ctrl_d_ends(EditLine *el, int on);
int cle_terminal_columns(EditLine *el);

int cle_history_setsize(History *h, int size);
int cle_history_enter(History *h, const char *line);
int cle_history_clear(History *h);

/* Ctrl-C: the handler only sets a flag (installed with sigaction, without SA_RESTART,
 * so el_gets and read(2) return EINTR). */
int cle_install_sigint_handler(void);
int cle_take_sigint(void);
int cle_sigint_pending(void);
#endif
