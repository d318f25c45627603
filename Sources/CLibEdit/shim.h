/* Debian's libedit (`apt-get install libedit-dev`), through its readline-compatible header.
 * Swift cannot call C variadics, and a signal handler must be plain C: both live here as small
 * inline functions. */
#ifndef COOPQL_CLIBEDIT_SHIM_H
#define COOPQL_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <pthread.h>
#include <locale.h>
#include <editline/readline.h>

/* Set by the SIGINT handler; read (and cleared) by the REPL. sig_atomic_t: the only type a
 * handler may safely write. */
static volatile sig_atomic_t coopql_interrupt_flag = 0;

static void coopql_on_sigint(int signo) {
    (void)signo;
    coopql_interrupt_flag = 1;
}

/* Installs the handler without SA_RESTART, so Ctrl-C at the prompt interrupts libedit's read()
 * and `readline` returns; a running query sees the flag through a watcher. */
static inline void coopql_install_sigint(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = coopql_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    /* A parent may have started us with SIGINT blocked (test runners do); the mask is inherited
     * across exec, and a blocked Ctrl-C would never arrive. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

/* Whether Ctrl-C was pressed since the last call; clears the flag. */
static inline int coopql_take_interrupt(void) {
    int was = coopql_interrupt_flag;
    coopql_interrupt_flag = 0;
    return was;
}

/* Whether Ctrl-C was pressed, without clearing it. */
static inline int coopql_interrupt_pending(void) { return coopql_interrupt_flag; }

/* libedit must not install its own SIGINT handler (it would re-raise the signal at us and leave
 * the terminal in cooked mode): the REPL handles Ctrl-C itself. */
static inline void coopql_readline_setup(void) {
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
}

#endif
