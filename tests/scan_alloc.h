/* scan_alloc.h - the unit tests' JWTAUTH_MALLOC/JWTAUTH_FREE: every block
   the library releases can first be searched for a byte string, to prove
   that secrets are wiped before memory goes back (tests/t_sources.c).
   Included before jwtauth.h by every translation unit of build/test. */
#ifndef SCAN_ALLOC_H
#define SCAN_ALLOC_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void *tl_hook_malloc(size_t n);
void tl_hook_free(void *p);
extern const unsigned char *tl_free_needle;   /* NULL: no search */
extern size_t tl_free_needle_len;
extern int tl_free_hits;                      /* released blocks holding it */
/* Sizes of the blocks allocated (the first TL_ALLOC_LOG of them) and how
   many: a test resets tl_alloc_count, then reads what a call allocated. */
#define TL_ALLOC_LOG 64
extern size_t tl_alloc_sizes[TL_ALLOC_LOG];
extern size_t tl_alloc_count;
#ifdef __cplusplus
}
#endif
#define JWTAUTH_MALLOC(ctx, n) ((void)(ctx), tl_hook_malloc(n))
#define JWTAUTH_FREE(ctx, p) ((void)(ctx), tl_hook_free(p))
#endif
