#define _GNU_SOURCE /* ppoll */
#include "CLineEditShim.h"
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static volatile sig_atomic_t cle_sigint_flag = 0;

/* libedit's read of one character from the terminal, except that a Ctrl-C is never lost.
 * libedit's own handler, on SIGINT, puts the terminal in cooked mode and passes the signal
 * on to ours, which sets the flag. If that happens while libedit is busy (redrawing the line
 * under load) rather than waiting in read(), its read() would then wait, in cooked mode, for
 * a whole line, and the interrupted line would run with whatever came next. So the flag is
 * checked with SIGINT blocked, and the wait for input unblocks it atomically (ppoll): a
 * SIGINT either was seen before the wait or ends it. */
static int cle_read_char(EditLine *el, wchar_t *cp) {
    (void)el;
    int fd = fileno(stdin);
    char bytes[MB_LEN_MAX];
    size_t have = 0;
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    for (;;) {
        sigprocmask(SIG_BLOCK, &block, &old);
        if (cle_sigint_flag) {
            sigprocmask(SIG_SETMASK, &old, NULL);
            *cp = L'\0';
            errno = EINTR;
            return -1;
        }
        struct pollfd input = {.fd = fd, .events = POLLIN, .revents = 0};
        int ready = ppoll(&input, 1, NULL, &old);
        int e = errno;
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (ready < 0) {
            if (e == EINTR) continue; /* SIGWINCH, SIGCONT; a SIGINT is seen at the top */
            *cp = L'\0';
            errno = e;
            return -1;
        }
        ssize_t n = read(fd, bytes + have, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            *cp = L'\0';
            return -1;
        }
        if (n == 0) {
            *cp = L'\0';
            return 0;
        }
        have++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(cp, bytes, have, &state);
        if (used == (size_t)-2 && have < MB_LEN_MAX) continue; /* the rest of the character */
        if (used == (size_t)-1 || used == (size_t)-2) {
            have = 0; /* not a character: dropped, as libedit does */
            continue;
        }
        return 1;
    }
}

EditLine *cle_init(const char *prog) {
    EditLine *el = el_init(prog, stdin, stdout, stderr);
    if (el) el_set(el, EL_GETCFN, cle_read_char);
    return el;
}

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
