/**
 * @file test_hooks.h
 * @brief Hooks exported for libsslref's own tests ONLY. Not part of the
 * OpenSSL API and not for applications.
 */
#ifndef SSLREF_TEST_HOOKS_H
#define SSLREF_TEST_HOOKS_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * sslref_test_set_clock() replaces the clock libsslref reads "now" from
 * (session creation time, expiry checks at resumption, auto-flush), so a
 * test can step to the last valid second of a session and to the first
 * expired one. NULL restores time(NULL). Not thread-safe against
 * concurrent library calls; tests only.
 */
void sslref_test_set_clock(long (*now)(void));

/**
 * sslref_checked_build() tells whether this library is the checked build.
 *
 * @return 1 for the checked build (misuse aborts), 0 otherwise.
 */
int sslref_checked_build(void);

#ifdef __cplusplus
}
#endif

#endif
