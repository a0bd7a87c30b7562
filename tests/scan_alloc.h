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
#ifdef __cplusplus
}
#endif
#define JWTAUTH_MALLOC(ctx, n) ((void)(ctx), tl_hook_malloc(n))
#define JWTAUTH_FREE(ctx, p) ((void)(ctx), tl_hook_free(p))
#endif
