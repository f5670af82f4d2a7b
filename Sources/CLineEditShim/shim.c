#include "CLineEditShim.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

EditLine *cle_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }

static char *cle_prompt_text = NULL;
static char *cle_prompt_cb(EditLine *el) { (void)el; return cle_prompt_text ? cle_prompt_text : (char *)"> "; }

int cle_set_prompt(EditLine *el, const char *prompt) {
    char *copy = strdup(prompt);
    if (!copy) return -1;
    free(cle_prompt_text);
    cle_prompt_text = copy;
    return el_set(el, EL_PROMPT_ESC, cle_prompt_cb, '\1');
}

int cle_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
int cle_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int cle_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
int cle_add_function(EditLine *el, const char *name, const char *help, cle_func_t fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
int cle_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
int cle_source(EditLine *el) { return el_source(el, NULL); }
int cle_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
void *cle_get_clientdata(EditLine *el) {
    void *data = NULL;
    return el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}
int cle_line_before_cursor(EditLine *el, const char **start) {
    const LineInfo *li = el_line(el);
    if (!li) { *start = ""; return 0; }
    *start = li->buffer;
    return (int)(li->cursor - li->buffer);
}
int cle_insert(EditLine *el, const char *text) { return el_insertstr(el, text); }
void cle_push(EditLine *el, const char *text) { el_push(el, text); }

/* Ctrl-D in presenter mode: at the end of the line (the pending command sits there) it ends
 * the input, whatever the line holds; elsewhere it deletes the character under the cursor. */
static unsigned char cle_eof_or_delete(EditLine *el, int ch) {
    (void)ch;
    const LineInfoW *li = el_wline(el);
    if (!li || li->cursor == li->lastchar) {
        if (li && li->cursor > li->buffer) el_deletestr(el, (int)(li->cursor - li->buffer));
        return CC_EOF;
    }
    el_cursor(el, 1);
    el_deletestr(el, 1);
    return CC_REFRESH;
}
int cle_set_ctrl_d_ends(EditLine *el, int on) {
    if (on) {
        el_set(el, EL_ADDFN, "cts-eof-or-delete", "End the input, or delete the next character",
               cle_eof_or_delete);
        return el_set(el, EL_BIND, "^D", "cts-eof-or-delete", (const char *)NULL);
    }
    return el_set(el, EL_BIND, "^D", "em-delete-or-list", (const char *)NULL);
}
int cle_terminal_columns(EditLine *el) {
    int cols = 0;
    if (el_get(el, EL_GETTC, "co", &cols) != 0 || cols <= 0) return 80;
    return cols;
}

int cle_history_setsize(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
int cle_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
int cle_history_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }

static volatile sig_atomic_t cle_sigint_flag = 0;
static void cle_on_sigint(int signo) { (void)signo; cle_sigint_flag = 1; }

int cle_install_sigint_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cle_on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* deliberately no SA_RESTART */
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    /* A parent may have started us with SIGINT blocked; Ctrl-C must reach us. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}
int cle_take_sigint(void) { int v = cle_sigint_flag; cle_sigint_flag = 0; return v; }
int cle_sigint_pending(void) { return cle_sigint_flag; }
