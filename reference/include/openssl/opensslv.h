/**
 * @file opensslv.h
 * @brief Version of libsslref, the reference implementation of the
 * SSL_SESSION lifecycle API.
 */
#ifndef SSLREF_OPENSSLV_H
#define SSLREF_OPENSSLV_H

/* The text OpenSSL_version(OPENSSL_VERSION) returns. The build reads this
 * line by regular expression: keep it on one line. */
#define SSLREF_VERSION_TEXT "sslref 0.1.0"

#define SSLREF_VERSION_MAJOR 0
#define SSLREF_VERSION_MINOR 1
#define SSLREF_VERSION_PATCH 0

/* The OpenSSL API level libsslref models: the functions it provides have
 * OpenSSL 3.0's names, signatures and constants, so portable code that
 * tests OPENSSL_VERSION_NUMBER takes its OpenSSL 3 branch. This is NOT the
 * version of libsslref itself (see SSLREF_VERSION_TEXT). */
#define OPENSSL_VERSION_MAJOR 3
#define OPENSSL_VERSION_MINOR 0
#define OPENSSL_VERSION_PATCH 0
#define OPENSSL_VERSION_NUMBER 0x30000000L
#define OPENSSL_VERSION_TEXT SSLREF_VERSION_TEXT
#define OPENSSL_VERSION_PREREQ(maj, min) \
    ((OPENSSL_VERSION_MAJOR << 16) + OPENSSL_VERSION_MINOR >= ((maj) << 16) + (min))

#endif
