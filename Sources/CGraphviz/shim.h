/*
 * shim.h — the parts of Graphviz's C API that Swift cannot use as they are.
 *
 * Why a shim: Graphviz 2.42 (Debian 12) and Graphviz 13 differ in small ways that would
 * otherwise leak into Swift (`gvRenderData`'s length is `unsigned int *` in 2.42 and
 * `size_t *` later), Swift 6 refuses to read the mutable C global `Agdirected`, and error
 * messages go straight to stderr unless a callback is installed. Everything here is
 * `static inline`, so it costs nothing at run time and needs no C target of its own.
 *
 * None of these helpers is thread-safe: the caller (RoleGraphRender's `Graphviz`) holds one
 * process-wide lock around every call, because Graphviz itself is not thread-safe.
 */
#ifndef ROLEGRAPH_CGRAPHVIZ_SHIM_H
#define ROLEGRAPH_CGRAPHVIZ_SHIM_H

#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#if __has_include(<graphviz/graphviz_version.h>)
#include <graphviz/graphviz_version.h>
#endif

/* `gvRenderData` takes `size_t *` from Graphviz 3 on; define RG_GVRENDERDATA_SIZE_T to force it. */
#if !defined(RG_GVRENDERDATA_SIZE_T) && defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
#define RG_GVRENDERDATA_SIZE_T 1
#endif

/* The directed graph descriptor; Swift 6 rejects reading the C global `Agdirected` directly. */
static inline Agdesc_t rg_agdirected(void) { return Agdirected; }

/*
 * Renders a laid-out graph into memory. On success returns 0 and sets `*result` (free it with
 * `gvFreeRenderData`) and `*length` in bytes, whatever width the library uses for the length.
 */
static inline int rg_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
#if defined(RG_GVRENDERDATA_SIZE_T)
    size_t len = 0;
#else
    unsigned int len = 0;
#endif
    *result = NULL;
    int rc = gvRenderData(gvc, g, format, result, &len);
    *length = (size_t)len;
    return rc;
}

/* ---- deterministic reading ---------------------------------------------------------------
 * `agmemread` gives every named object the address of its interned name as its ID, and cgraph
 * keeps subgraphs ordered by ID. Cluster order — and with it the whole dot layout — then depends
 * on where malloc happened to put the strings: the first render in a process matches the `dot`
 * command, later renders of the same text differ. `rg_memread` reads with an ID discipline that
 * numbers names in order of first appearance instead, so the same text always gives the same
 * layout. Cost: one small hash table per graph (names are copied once), freed by `agclose`.
 */
typedef struct {
    char **names;        /* names[i] has ID 2 * (i + 1): even, like the default discipline's */
    size_t count, capacity;
    size_t *slots;       /* open-addressing table of name index + 1, 0 = empty */
    size_t slot_count;   /* a power of two, kept at most half full */
    IDTYPE anonymous;    /* next odd ID for unnamed objects */
} rg_id_state;

static inline size_t rg_hash(const char *s) {
    size_t h = (size_t)14695981039346656037ULL;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= (size_t)1099511628211ULL; }
    return h;
}

static inline void *rg_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    rg_id_state *st = (rg_id_state *)calloc(1, sizeof(rg_id_state));
    if (st) st->anonymous = 1;
    return st;
}

static inline int rg_id_grow(rg_id_state *st) {
    size_t n = st->slot_count ? st->slot_count * 2 : 64;
    size_t *slots = (size_t *)calloc(n, sizeof(size_t));
    if (!slots) return 0;
    for (size_t i = 0; i < st->count; i++) {
        size_t j = rg_hash(st->names[i]) & (n - 1);
        while (slots[j]) j = (j + 1) & (n - 1);
        slots[j] = i + 1;
    }
    free(st->slots);
    st->slots = slots;
    st->slot_count = n;
    return 1;
}

static inline long rg_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    rg_id_state *st = (rg_id_state *)state;
    if (!st) return 0;
    if (!str) {                       /* unnamed object: odd IDs, counted per graph */
        if (!createflag) return 0;
        *id = st->anonymous;
        st->anonymous += 2;
        return 1;
    }
    if (st->slot_count) {
        size_t j = rg_hash(str) & (st->slot_count - 1);
        while (st->slots[j]) {
            size_t i = st->slots[j] - 1;
            if (strcmp(st->names[i], str) == 0) { *id = (IDTYPE)(2 * (i + 1)); return 1; }
            j = (j + 1) & (st->slot_count - 1);
        }
    }
    if (!createflag) return 0;        /* unknown name: cgraph then tries its internal map */
    if ((st->count + 1) * 2 > st->slot_count && !rg_id_grow(st)) return 0;
    if (st->count == st->capacity) {
        size_t capacity = st->capacity ? st->capacity * 2 : 64;
        char **names = (char **)realloc(st->names, capacity * sizeof(char *));
        if (!names) return 0;
        st->names = names;
        st->capacity = capacity;
    }
    char *copy = strdup(str);
    if (!copy) return 0;
    size_t i = st->count++;
    st->names[i] = copy;
    size_t j = rg_hash(copy) & (st->slot_count - 1);
    while (st->slots[j]) j = (j + 1) & (st->slot_count - 1);
    st->slots[j] = i + 1;
    *id = (IDTYPE)(2 * (i + 1));
    return 1;
}

static inline long rg_id_alloc(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return 0;                         /* like the default: no caller-chosen IDs */
}

static inline void rg_id_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id; /* names live until the graph is closed */
}

static inline char *rg_id_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    rg_id_state *st = (rg_id_state *)state;
    if (!st || id == 0 || id % 2 != 0 || id / 2 > st->count) return NULL;
    return st->names[id / 2 - 1];
}

static inline void rg_id_close(void *state) {
    rg_id_state *st = (rg_id_state *)state;
    if (!st) return;
    for (size_t i = 0; i < st->count; i++) free(st->names[i]);
    free(st->names);
    free(st->slots);
    free(st);
}

static inline void rg_id_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

/* A NUL-terminated DOT text being read. */
typedef struct { const char *data; size_t length; size_t cursor; } rg_reader;

/* Hands the lexer one line at a time, as `agmemread` does, never reading past the end. */
static inline int rg_read(void *chan, char *buf, int bufsize) {
    rg_reader *r = (rg_reader *)chan;
    if (bufsize <= 0 || r->cursor >= r->length) return 0;
    int n = 0;
    while (n < bufsize && r->cursor < r->length) {
        char c = r->data[r->cursor++];
        buf[n++] = c;
        if (c == '\n') break;
    }
    return n;
}

/* `agmemread` with first-appearance IDs (see above); NULL when the text does not parse. */
static inline Agraph_t *rg_memread(const char *text) {
    static Agiddisc_t id_disc = {
        rg_id_open, rg_id_map, rg_id_alloc, rg_id_free, rg_id_print, rg_id_close, rg_id_register
    };
    static Agiodisc_t io_disc;
    io_disc.afread = rg_read;
    io_disc.putstr = AgIoDisc.putstr;
    io_disc.flush = AgIoDisc.flush;
    Agdisc_t disc = AgDefaultDisc;    /* keeps the default memory discipline where there is one */
    disc.id = &id_disc;
    disc.io = &io_disc;
    rg_reader reader = { text, strlen(text), 0 };
    return agread(&reader, &disc);
}

/* ---- error capture ------------------------------------------------------------------------
 * Graphviz reports through `agerr`, which writes to stderr unless a user function is set with
 * `agseterrf`. That function receives a message in fragments ("Error", ": ", the text), so the
 * fragments are appended to one buffer and read back as a whole after the call.
 */
typedef struct { char *data; size_t length; size_t capacity; } rg_error_buffer;

static inline rg_error_buffer *rg_errors(void) {
    static rg_error_buffer buffer = { NULL, 0, 0 };
    return &buffer;
}

static inline int rg_collect_error(char *fragment) {
    if (fragment == NULL) return 0;
    rg_error_buffer *b = rg_errors();
    size_t n = strlen(fragment);
    if (b->length + n + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 256;
        while (b->length + n + 1 > capacity) capacity *= 2;
        char *grown = (char *)realloc(b->data, capacity);
        if (grown == NULL) return 0; /* drop the fragment rather than crash */
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, fragment, n);
    b->length += n;
    b->data[b->length] = '\0';
    return (int)n;
}

/* Starts capturing: clears the buffer and routes warnings and errors (level >= AGWARN) to it. */
static inline void rg_capture_begin(void) {
    rg_error_buffer *b = rg_errors();
    b->length = 0;
    if (b->data) b->data[0] = '\0';
    agseterr(AGWARN);
    agseterrf(rg_collect_error);
    agreseterrors();
}

/* The messages captured since `rg_capture_begin` (never NULL; valid until the next begin). */
static inline const char *rg_captured(void) {
    rg_error_buffer *b = rg_errors();
    return b->data ? b->data : "";
}

/* The highest error level seen since `rg_capture_begin`: AGWARN (0) or AGERR (1) — see agerrors(3). */
static inline int rg_max_error_level(void) { return agerrors(); }

#endif /* ROLEGRAPH_CGRAPHVIZ_SHIM_H */
