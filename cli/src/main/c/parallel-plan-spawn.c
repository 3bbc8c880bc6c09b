/*
 * parallel-plan-spawn: starts the attempts of a `parallel-plan run` on behalf of the JVM, the way make starts its
 * recipes. The JVM's own process API costs about a millisecond of CPU per start and two threads per running
 * attempt; this helper costs a vfork, an exec and a few system calls. The runner uses it when the build could compile
 * it (cli/target/parallel-plan-spawn beside the jar) and falls back to java.lang.ProcessBuilder otherwise.
 *
 * Usage: parallel-plan-spawn [--sessions]      (started by the runner in the attempts' working folder)
 *   --sessions   each attempt gets its own session and process group (the runner asks for it on a terminal)
 *
 * Requests come on standard input as NUL-terminated fields:
 *   start: "s" TOKEN LOG SHELL NARGS ARG... NVARS NAME=VALUE...
 *          runs ARG... (found on PATH); if that program cannot be started and SHELL is not empty, runs
 *          /bin/sh -c SHELL instead. Standard input is /dev/null; standard output and error go, merged, to the
 *          file LOG, created (with its folders) at the first byte: an attempt that prints nothing leaves no file.
 *          The NAME=VALUE pairs are added to the helper's own environment.
 *   kill:  "k" TOKEN PID SIGNAL
 *          sends SIGNAL to the attempt if it has not been reaped, and with --sessions to its process group
 *          (PID names the group when the attempt is already gone).
 * Replies go to standard output, one line each:
 *   "p TOKEN PID"      the attempt started
 *   "x TOKEN STATUS"   the attempt ended: its exit code, or 128 + the signal that killed it (as the JDK reports)
 * An attempt whose program and shell both cannot start gets the reason in its log and ends with status 127.
 * When standard input closes, the helper lets running attempts finish (copying their output), then exits.
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT are ignored: the runner decides what to stop. Attempts get default signal
 * handling and an empty signal mask.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* How long an ended attempt's exit waits for the end of its output (a background process may keep it open). */
#define OUTPUT_GRACE_MS 200

typedef struct {
    char *token;
    char *log_path;
    pid_t pid;
    int out;       /* read end of the output pipe; -1 at its end */
    int log;       /* the log file; -1 until the first byte */
    int ended;     /* reaped */
    int status;    /* exit code as reported */
    long long ended_at;
    int reported;
} Attempt;

static Attempt *attempts;
static size_t attempt_count, attempt_capacity;
static int sessions;
static int wakeup[2];             /* SIGCHLD writes a byte here */
static char *replies;
static volatile int child_error;   /* errno of a start that failed, set by the vfork child */
static size_t reply_length, reply_capacity;

static void die(const char *what) {
    fprintf(stderr, "parallel-plan-spawn: %s: %s\n", what, strerror(errno));
    exit(70);
}

static void *grow(void *p, size_t size) {
    void *q = realloc(p, size);
    if (q == NULL) {
        die("out of memory");
    }
    return q;
}

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void reply(const char *kind, const char *token, long value) {
    char line[128];
    int n = snprintf(line, sizeof line, "%s %s %ld\n", kind, token, value);
    if (n < 0 || (size_t) n >= sizeof line) {
        return;
    }
    if (reply_length + (size_t) n > reply_capacity) {
        reply_capacity = (reply_length + (size_t) n) * 2;
        replies = grow(replies, reply_capacity);
    }
    memcpy(replies + reply_length, line, (size_t) n);
    reply_length += (size_t) n;
}

static void flush_replies(void) {
    size_t done = 0;
    while (done < reply_length) {
        ssize_t n = write(STDOUT_FILENO, replies + done, reply_length - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break; /* the runner is gone: nobody to tell */
        }
        done += (size_t) n;
    }
    reply_length = 0;
}

static void on_child(int signal) {
    (void) signal;
    int saved = errno;
    char byte = 0;
    ssize_t ignored = write(wakeup[1], &byte, 1);
    (void) ignored;
    errno = saved;
}

/* Creates the folders above path, like mkdir -p of its parent. */
static void make_parents(const char *path) {
    char buffer[PATH_MAX];
    size_t length = strlen(path);
    if (length >= sizeof buffer) {
        return;
    }
    memcpy(buffer, path, length + 1);
    for (char *p = buffer + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            mkdir(buffer, 0777);
            *p = '/';
        }
    }
}

static int open_log(Attempt *a) {
    if (a->log < 0) {
        a->log = open(a->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (a->log < 0 && errno == ENOENT) {
            make_parents(a->log_path);
            a->log = open(a->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        }
    }
    return a->log;
}

static void write_log(Attempt *a, const char *data, size_t length) {
    if (open_log(a) < 0) {
        return; /* the output is lost, the attempt's end is what counts (as with a full disk) */
    }
    while (length > 0) {
        ssize_t n = write(a->log, data, length);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        data += n;
        length -= (size_t) n;
    }
}

/* The next NUL-terminated field at *at, or NULL when the buffer ends first. */
static char *field(char **at, char *end) {
    char *start = *at;
    char *nul = memchr(start, 0, (size_t) (end - start));
    if (nul == NULL) {
        return NULL;
    }
    *at = nul + 1;
    return start;
}

static int spawn(Attempt *a, char **argv, const char *shell, char **variables, size_t variable_count, int output) {
    size_t environ_count = 0;
    while (environ[environ_count]) {
        environ_count++;
    }
    char **envp = grow(NULL, (environ_count + variable_count + 1) * sizeof *envp);
    size_t e = 0;
    for (size_t i = 0; i < environ_count; i++) {
        const char *entry = environ[i];
        size_t name = strcspn(entry, "=");
        int replaced = 0;
        for (size_t v = 0; v < variable_count && !replaced; v++) {
            replaced = strncmp(variables[v], entry, name) == 0 && variables[v][name] == '=';
        }
        if (!replaced) {
            envp[e++] = environ[i];
        }
    }
    for (size_t v = 0; v < variable_count; v++) {
        envp[e++] = variables[v];
    }
    envp[e] = NULL;

    /* vfork and exec by hand rather than posix_spawn: glibc's posix_spawn child walks all 64 signals (about a
       hundred system calls per start) because it cannot know which have handlers; this program knows its own. All
       signals stay blocked until the child has reset them, so no handler runs while it shares our memory. */
    sigset_t all, previous;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &previous);
    char *shell_argv[] = {"sh", "-c", (char *) shell, NULL};
    child_error = 0;
    pid_t pid = vfork();
    if (pid == 0) {
        if (sessions) {
            setsid();
        }
        int input = open("/dev/null", O_RDONLY);
        if (input > 0) {
            dup2(input, STDIN_FILENO);
            close(input);
        }
        dup2(output, STDOUT_FILENO);
        dup2(output, STDERR_FILENO);
        struct sigaction default_action;
        memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        int changed[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD};
        for (size_t i = 0; i < sizeof changed / sizeof *changed; i++) {
            sigaction(changed[i], &default_action, NULL);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execvpe(argv[0], argv, envp);
        if (shell[0] != 0) {
            execve("/bin/sh", shell_argv, envp);
        }
        child_error = errno; /* seen by the parent, whose memory a vfork child shares */
        _exit(127);
    }
    int error = pid < 0 ? errno : child_error;
    if (pid > 0 && error != 0) {
        waitpid(pid, NULL, 0); /* before SIGCHLD is unblocked: the reaper must not see a start that failed */
    }
    a->pid = pid;
    sigprocmask(SIG_SETMASK, &previous, NULL);
    free(envp);
    return error;
}

/* Handles a start request whose fields follow the "s"; returns 0 when the request is not complete yet. */
static int start(char **at, char *end) {
    char *token = field(at, end), *log_path = field(at, end), *shell = field(at, end), *count = field(at, end);
    if (count == NULL) {
        return 0;
    }
    size_t nargs = strtoul(count, NULL, 10);
    char **argv = grow(NULL, (nargs + 1) * sizeof *argv);
    for (size_t i = 0; i < nargs; i++) {
        if ((argv[i] = field(at, end)) == NULL) {
            free(argv);
            return 0;
        }
    }
    argv[nargs] = NULL;
    char *vars = field(at, end);
    size_t nvars = vars == NULL ? 0 : strtoul(vars, NULL, 10);
    char **variables = grow(NULL, (nvars + 1) * sizeof *variables);
    for (size_t i = 0; vars != NULL && i < nvars; i++) {
        if ((variables[i] = field(at, end)) == NULL) {
            vars = NULL;
        }
    }
    if (vars == NULL || nargs == 0) {
        free(argv);
        free(variables);
        return vars == NULL ? 0 : 1;
    }

    if (attempt_count == attempt_capacity) {
        attempt_capacity = attempt_capacity ? attempt_capacity * 2 : 16;
        attempts = grow(attempts, attempt_capacity * sizeof *attempts);
    }
    Attempt *a = &attempts[attempt_count];
    memset(a, 0, sizeof *a);
    a->token = strdup(token);
    a->log_path = strdup(log_path);
    a->log = -1;
    a->out = -1;
    int pipe_ends[2];
    int error;
    if (pipe2(pipe_ends, O_CLOEXEC) != 0) {
        error = errno;
    } else {
        error = spawn(a, argv, shell, variables, nvars, pipe_ends[1]);
        close(pipe_ends[1]);
        if (error == 0) {
            a->out = pipe_ends[0];
        } else {
            close(pipe_ends[0]);
        }
    }
    const char *program = shell[0] ? "/bin/sh" : argv[0]; /* the last one tried */
    free(argv);
    free(variables);
    attempt_count++;
    if (error != 0) {
        char message[512];
        int n = snprintf(message, sizeof message, "parallel-plan: cannot start %s: %s\n", program, strerror(error));
        write_log(a, message, n > 0 ? (size_t) n : 0);
        a->ended = 1;
        a->status = 127;
        a->ended_at = now_ms();
    } else {
        reply("p", a->token, (long) a->pid);
    }
    return 1;
}

static int kill_request(char **at, char *end) {
    char *token = field(at, end), *pid_field = field(at, end), *signal_field = field(at, end);
    if (signal_field == NULL) {
        return 0;
    }
    pid_t pid = (pid_t) strtol(pid_field, NULL, 10);
    int signal = (int) strtol(signal_field, NULL, 10);
    for (size_t i = 0; i < attempt_count; i++) {
        Attempt *a = &attempts[i];
        if (strcmp(a->token, token) == 0) {
            if (!a->ended) {
                kill(a->pid, signal); /* not reaped yet, so the pid is still this attempt's */
            }
            pid = a->pid;
            break;
        }
    }
    if (sessions && pid > 0) {
        kill(-pid, signal); /* the group outlives its leader while any member lives */
    }
    return 1;
}

/* Handles every complete request in buffer[0, length); returns how many bytes were used. */
static size_t handle_requests(char *buffer, size_t length) {
    char *at = buffer, *end = buffer + length;
    while (at < end) {
        char *cursor = at;
        char *kind = field(&cursor, end);
        if (kind == NULL) {
            break;
        }
        int complete;
        if (strcmp(kind, "s") == 0) {
            complete = start(&cursor, end);
        } else if (strcmp(kind, "k") == 0) {
            complete = kill_request(&cursor, end);
        } else {
            fprintf(stderr, "parallel-plan-spawn: unknown request '%s'\n", kind);
            exit(64);
        }
        if (!complete) {
            break;
        }
        at = cursor;
    }
    return (size_t) (at - buffer);
}

static void reap(void) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        for (size_t i = 0; i < attempt_count; i++) {
            Attempt *a = &attempts[i];
            if (a->pid == pid && !a->ended) {
                a->ended = 1;
                a->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                a->ended_at = now_ms();
                break;
            }
        }
    }
}

static void copy_output(Attempt *a) {
    char buffer[65536];
    ssize_t n = read(a->out, buffer, sizeof buffer);
    if (n > 0) {
        write_log(a, buffer, (size_t) n);
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        close(a->out);
        a->out = -1;
    }
}

/* Reports ended attempts whose output is complete (or has had its grace period); forgets finished ones. */
static long long report_and_forget(void) {
    long long now = now_ms(), wait = -1;
    size_t kept = 0;
    for (size_t i = 0; i < attempt_count; i++) {
        Attempt *a = &attempts[i];
        if (a->ended && !a->reported) {
            long long due = a->ended_at + OUTPUT_GRACE_MS;
            if (a->out < 0 || now >= due) {
                reply("x", a->token, a->status);
                a->reported = 1;
            } else if (wait < 0 || due - now < wait) {
                wait = due - now;
            }
        }
        if (a->reported && a->out < 0) {
            if (a->log >= 0) {
                close(a->log);
            }
            free(a->token);
            free(a->log_path);
            continue;
        }
        attempts[kept++] = *a;
    }
    attempt_count = kept;
    return wait;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sessions") == 0) {
            sessions = 1;
        } else {
            fprintf(stderr, "usage: parallel-plan-spawn [--sessions]\n");
            return 64;
        }
    }
    if (pipe2(wakeup, O_CLOEXEC | O_NONBLOCK) != 0) {
        die("pipe");
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    int ignored[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
    for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++) {
        sigaction(ignored[i], &action, NULL);
    }
    action.sa_handler = on_child;
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &action, NULL);

    size_t capacity = 65536, length = 0;
    char *requests = grow(NULL, capacity);
    int input_open = 1;
    struct pollfd *fds = NULL;
    size_t fds_capacity = 0;
    for (;;) {
        long long wait = report_and_forget();
        flush_replies();
        if (!input_open && attempt_count == 0) {
            return 0;
        }
        if (fds_capacity < attempt_count + 2) {
            fds_capacity = (attempt_count + 2) * 2;
            fds = grow(fds, fds_capacity * sizeof *fds);
        }
        nfds_t nfds = 0;
        fds[nfds++] = (struct pollfd) {.fd = wakeup[0], .events = POLLIN};
        fds[nfds++] = (struct pollfd) {.fd = input_open ? STDIN_FILENO : -1, .events = POLLIN};
        for (size_t i = 0; i < attempt_count; i++) {
            fds[nfds++] = (struct pollfd) {.fd = attempts[i].out, .events = POLLIN};
        }
        if (poll(fds, nfds, wait > INT_MAX ? INT_MAX : (int) wait) < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("poll");
        }
        if (fds[0].revents) {
            char drain[64];
            while (read(wakeup[0], drain, sizeof drain) > 0) {
            }
            reap();
        }
        /* Output before new requests: an attempt's pipe is only polled while it is in the table. */
        for (size_t i = 0, f = 2; i < attempt_count; i++, f++) {
            if (fds[f].fd >= 0 && fds[f].revents) {
                copy_output(&attempts[i]);
            }
        }
        if (fds[1].revents) {
            if (length == capacity) {
                capacity *= 2;
                requests = grow(requests, capacity);
            }
            ssize_t n = read(STDIN_FILENO, requests + length, capacity - length);
            if (n > 0) {
                length += (size_t) n;
                size_t used = handle_requests(requests, length);
                memmove(requests, requests + used, length - used);
                length -= used;
            } else if (n == 0 || errno != EINTR) {
                input_open = 0;
            }
        }
    }
}
