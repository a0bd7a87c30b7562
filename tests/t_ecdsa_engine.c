/* t_ecdsa_engine.c - the ECDSA engine (jwtauth_ecdsa_vrfy_raw and
   jwtauth_ec_muladd) against BearSSL's as the oracle: the double-scalar
   multiplication's exceptional cases (a doubling inside an addition,
   P + (-P), infinity in the middle and at the end, zero scalars), r and s
   at the ends of their range, hash truncation, a signature whose R has
   x >= n, a valid signature over a zero hash (BearSSL rejects it: the one
   known difference), key validation against BearSSL's, the engine choice, and the
   conformance suites (Wycheproof, JOSE, RFC 7515/7520, the token fixtures)
   once more through BearSSL's engine with every raw Wycheproof verdict
   compared. Built with JWTAUTH_EC_BEARSSL only the BearSSL side remains.
   Constants: python3 tests/gen_ec_consts.py --test-points. */

static const uint8_t ect_p256_p[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};
static const uint8_t ect_p256_n[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84,
	0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
};
/* x = 0 */
static const uint8_t ect_p256_small[65] = {
	0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x66, 0x48, 0x5c,
	0x78, 0x0e, 0x2f, 0x83, 0xd7, 0x24, 0x33, 0xbd, 0x5d, 0x84, 0xa0, 0x6b,
	0xb6, 0x54, 0x1c, 0x2a, 0xf3, 0x1d, 0xae, 0x87, 0x17, 0x28, 0xbf, 0x85,
	0x6a, 0x17, 0x4f, 0x93, 0xf4,
};
/* R = (n + 3, y): r = 3, s = 1, hash = 1 */
static const uint8_t ect_p256_bigx_q[65] = {
	0x04, 0xab, 0x83, 0x5d, 0x98, 0x08, 0xd0, 0xb3, 0xe9, 0x31, 0x99, 0xf3,
	0x8d, 0x0c, 0x1c, 0x9a, 0x5a, 0xb8, 0xc9, 0xbf, 0x62, 0x51, 0x6f, 0xfb,
	0xf3, 0x7b, 0x03, 0x7e, 0xa1, 0x7f, 0x2f, 0xbd, 0x41, 0xe9, 0x9c, 0x29,
	0x33, 0xec, 0x5b, 0x6d, 0xe9, 0x64, 0x09, 0xc9, 0xc5, 0xeb, 0xe6, 0xa3,
	0x38, 0x42, 0x58, 0x3f, 0x16, 0x80, 0x5b, 0x96, 0x07, 0x4e, 0x9a, 0x97,
	0x7b, 0x12, 0x5d, 0x29, 0xcd,
};
static const uint8_t ect_p256_bigx_sig[64] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01,
};
/* hash = 0: d = 151163755817, k = 12994442643257 */
static const uint8_t ect_p256_zh_q[65] = {
	0x04, 0xca, 0xe0, 0x4d, 0x83, 0x6b, 0x36, 0x08, 0x83, 0x6f, 0x83, 0x1b,
	0x85, 0x00, 0x71, 0x43, 0x92, 0x84, 0xbb, 0xb2, 0x85, 0x8d, 0xee, 0x49,
	0x6b, 0x00, 0x39, 0x39, 0x8a, 0xca, 0x24, 0x6b, 0x19, 0xa9, 0x61, 0xe3,
	0x97, 0xa3, 0x5c, 0x23, 0x9b, 0x2c, 0x0f, 0xf4, 0x33, 0xc9, 0x9a, 0xd2,
	0x83, 0x6f, 0x43, 0xf7, 0xc8, 0x90, 0x94, 0xc6, 0xc2, 0x38, 0x81, 0x1f,
	0xf4, 0x5c, 0xe2, 0x7a, 0xba,
};
static const uint8_t ect_p256_zh_sig[64] = {
	0x85, 0xa6, 0x03, 0xb0, 0x21, 0xbb, 0xb0, 0xa7, 0xf7, 0xd8, 0x59, 0x88,
	0x47, 0x58, 0xf4, 0x97, 0x3b, 0xa1, 0xcb, 0xde, 0x1b, 0x6d, 0x9a, 0x23,
	0x4e, 0xc1, 0x95, 0xac, 0x82, 0xf1, 0x70, 0xf3, 0x65, 0xb3, 0xd7, 0xfd,
	0xdf, 0xf5, 0x5b, 0xbc, 0x87, 0xf6, 0xa8, 0x5c, 0x37, 0x2b, 0x95, 0x67,
	0x3a, 0x7e, 0xe5, 0xae, 0x21, 0xca, 0x7e, 0x77, 0x33, 0x5a, 0x3e, 0xd2,
	0xb9, 0x76, 0xd2, 0xaa,
};
static const uint8_t ect_p384_p[48] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xff,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
};
static const uint8_t ect_p384_n[48] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xc7, 0x63, 0x4d, 0x81, 0xf4, 0x37, 0x2d, 0xdf, 0x58, 0x1a, 0x0d, 0xb2,
	0x48, 0xb0, 0xa7, 0x7a, 0xec, 0xec, 0x19, 0x6a, 0xcc, 0xc5, 0x29, 0x73,
};
/* x = 0 */
static const uint8_t ect_p384_small[97] = {
	0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0xc3, 0x06, 0x61, 0x0f, 0xb0, 0xae, 0x5a, 0x15, 0x9c, 0xf4, 0x5c,
	0x06, 0x06, 0x9f, 0x22, 0xa6, 0xc5, 0xeb, 0x36, 0x41, 0xc6, 0x02, 0xd4,
	0x2d, 0xea, 0x2c, 0x4b, 0x4f, 0x75, 0x55, 0x07, 0x93, 0x40, 0x6d, 0x80,
	0xd2, 0xb9, 0x1a, 0xd5, 0x4f, 0x90, 0x48, 0xbd, 0x48, 0x7a, 0xf1, 0xad,
	0xe1,
};
/* R = (n + 2, y): r = 2, s = 1, hash = 1 */
static const uint8_t ect_p384_bigx_q[97] = {
	0x04, 0xed, 0x81, 0x5c, 0x5e, 0x56, 0x7e, 0xb2, 0x3e, 0xa8, 0x4c, 0xe6,
	0xdd, 0x50, 0x2b, 0x6e, 0x38, 0x29, 0xa3, 0x7c, 0xb0, 0xd1, 0x40, 0x40,
	0xb5, 0x3f, 0x7f, 0x2d, 0x78, 0xc5, 0x89, 0x82, 0xf5, 0x5d, 0x40, 0xff,
	0x16, 0x41, 0xf0, 0xb8, 0x98, 0x1d, 0xba, 0x85, 0xde, 0x7d, 0xd1, 0xc7,
	0xc7, 0xab, 0x16, 0x63, 0x29, 0xba, 0xcb, 0x43, 0x39, 0xe7, 0xbc, 0x97,
	0x54, 0x75, 0xfe, 0xc1, 0x97, 0x7b, 0x55, 0x62, 0x55, 0xf5, 0x16, 0x5f,
	0xf6, 0x14, 0xc9, 0xa7, 0x0a, 0x7b, 0xfd, 0xff, 0x30, 0x54, 0x77, 0xb7,
	0x91, 0x53, 0xf0, 0x1e, 0x2a, 0x5f, 0xb1, 0x17, 0x93, 0xa2, 0xc7, 0xc5,
	0x1d,
};
static const uint8_t ect_p384_bigx_sig[96] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
};
/* hash = 0: d = 151163755817, k = 12994442643257 */
static const uint8_t ect_p384_zh_q[97] = {
	0x04, 0xf8, 0x73, 0x77, 0x8d, 0xe1, 0xfd, 0x35, 0x6c, 0xe7, 0xeb, 0xce,
	0x35, 0xdc, 0x00, 0x18, 0xf3, 0x1f, 0x48, 0x1a, 0x3b, 0x0a, 0xcc, 0x97,
	0xad, 0x5e, 0x34, 0xcb, 0x76, 0x56, 0x0a, 0xcd, 0x64, 0xbc, 0x59, 0x0a,
	0x85, 0x91, 0xd0, 0xd6, 0x20, 0x74, 0xa5, 0x7a, 0xbc, 0xbb, 0x5e, 0xf2,
	0x5f, 0x38, 0x2f, 0xd7, 0xb9, 0x22, 0xaf, 0xaa, 0xed, 0x36, 0x99, 0x3d,
	0xc8, 0x64, 0x1a, 0x73, 0xb0, 0xd7, 0x9e, 0xd9, 0xc8, 0x1a, 0x32, 0xbd,
	0x13, 0x48, 0xcf, 0xff, 0x34, 0x11, 0x94, 0x80, 0x62, 0xb5, 0xda, 0x69,
	0x8d, 0x21, 0x95, 0x73, 0x2f, 0x3e, 0x15, 0x4f, 0x1d, 0x38, 0x76, 0x58,
	0xdd,
};
static const uint8_t ect_p384_zh_sig[96] = {
	0x20, 0x6a, 0x28, 0xcc, 0x26, 0xbe, 0xba, 0xd5, 0xd0, 0x45, 0x16, 0x70,
	0xc9, 0x11, 0xe9, 0x25, 0xd6, 0xcb, 0x18, 0x59, 0x34, 0xbd, 0x47, 0xfd,
	0xe3, 0x2c, 0x99, 0x1a, 0xa8, 0xf4, 0xc8, 0xda, 0xbe, 0x42, 0x5c, 0x4a,
	0xbe, 0x7a, 0xdd, 0xe5, 0x88, 0xda, 0x21, 0xda, 0xd3, 0x98, 0x13, 0x43,
	0x05, 0xcb, 0xdc, 0xa4, 0xdf, 0x9d, 0x53, 0x49, 0x1a, 0xdc, 0x45, 0xcc,
	0xb4, 0x6e, 0xbb, 0x65, 0x10, 0x63, 0x62, 0x8c, 0xe8, 0xd1, 0xf4, 0x55,
	0xb7, 0x35, 0xc6, 0x77, 0x6d, 0x40, 0x67, 0xf3, 0x32, 0x15, 0xdd, 0xee,
	0x3d, 0x70, 0x6e, 0xb4, 0x70, 0xdc, 0x36, 0xf9, 0xe0, 0x3f, 0xd2, 0x20,
};
static const uint8_t ect_p521_p[66] = {
	0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};
static const uint8_t ect_p521_n[66] = {
	0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfa, 0x51, 0x86,
	0x87, 0x83, 0xbf, 0x2f, 0x96, 0x6b, 0x7f, 0xcc, 0x01, 0x48, 0xf7, 0x09,
	0xa5, 0xd0, 0x3b, 0xb5, 0xc9, 0xb8, 0x89, 0x9c, 0x47, 0xae, 0xbb, 0x6f,
	0xb7, 0x1e, 0x91, 0x38, 0x64, 0x09,
};
/* x = 0 */
static const uint8_t ect_p521_small[133] = {
	0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x2d, 0xf1, 0x36, 0x01,
	0x59, 0x4a, 0x88, 0x3e, 0xf2, 0xd9, 0x35, 0xe4, 0x4b, 0xb9, 0x0b, 0xf4,
	0xd6, 0x61, 0x9b, 0x74, 0xe5, 0x2a, 0xf7, 0x55, 0x2f, 0x97, 0x76, 0x90,
	0x11, 0xc0, 0x71, 0x9e, 0xb4, 0x39, 0xcf, 0xab, 0x2a, 0x88, 0xd4, 0x0f,
	0xe5, 0x9a, 0x2b, 0xed, 0x1f, 0x43, 0x55, 0x71, 0x69, 0xa2, 0xd0, 0xa2,
	0xcc, 0xd2, 0x80, 0xc6, 0x07, 0xb9, 0x2b, 0xbf, 0x51, 0xff, 0xe0, 0xb0,
	0x78,
};
/* R = (n + 1, y): r = 1, s = 1, hash = 1 */
static const uint8_t ect_p521_bigx_q[133] = {
	0x04, 0x00, 0xdc, 0x88, 0x5f, 0x05, 0xe8, 0xf0, 0x1f, 0xbc, 0x0b, 0x4e,
	0x61, 0x90, 0x4e, 0x58, 0x7e, 0x42, 0x4e, 0xd6, 0x84, 0xb1, 0x1e, 0x54,
	0x7c, 0x5e, 0x89, 0xe3, 0x89, 0x48, 0x2f, 0x2f, 0x96, 0xfa, 0x7f, 0x92,
	0xf6, 0xcb, 0x74, 0x00, 0xb9, 0x08, 0xa0, 0x41, 0x45, 0xfb, 0xd1, 0x2a,
	0xf5, 0x4b, 0x5a, 0xa7, 0x29, 0xa8, 0xa7, 0x23, 0xf9, 0x00, 0x35, 0x3e,
	0xc5, 0xe4, 0x9e, 0x2d, 0x0a, 0xfd, 0xf8, 0x01, 0x90, 0xa6, 0x42, 0x8c,
	0x75, 0x76, 0xb6, 0xf6, 0x44, 0xbc, 0xa7, 0x42, 0xc9, 0x63, 0x4a, 0xd7,
	0x5b, 0x61, 0x20, 0x41, 0x9f, 0xd4, 0x54, 0xee, 0xe1, 0xc8, 0x73, 0x76,
	0xa1, 0xe5, 0x13, 0x41, 0xf8, 0x3f, 0x30, 0xfa, 0x80, 0xe1, 0x4b, 0xb3,
	0x5b, 0x5c, 0xe3, 0x8a, 0xa0, 0x7d, 0x8c, 0x2c, 0xab, 0xa8, 0x5e, 0xeb,
	0xa5, 0x18, 0xc3, 0xda, 0x13, 0xfc, 0x72, 0x01, 0x38, 0x37, 0x69, 0xa1,
	0xc3,
};
static const uint8_t ect_p521_bigx_sig[132] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
};
/* hash = 0: d = 151163755817, k = 12994442643257 */
static const uint8_t ect_p521_zh_q[133] = {
	0x04, 0x01, 0x91, 0x36, 0xf3, 0x51, 0xa4, 0x2c, 0xfc, 0xc3, 0x8d, 0x98,
	0x99, 0x9a, 0x88, 0x89, 0x03, 0x51, 0x8b, 0x0c, 0x86, 0x34, 0x0d, 0x5f,
	0x7e, 0xf8, 0x00, 0x00, 0xb5, 0x29, 0x83, 0x9a, 0x6c, 0xd3, 0xb1, 0xe4,
	0xa7, 0xcd, 0xea, 0x5f, 0x3a, 0x69, 0xc9, 0x4f, 0x63, 0x08, 0x1e, 0x1c,
	0xae, 0xb3, 0xc4, 0x46, 0x36, 0xd4, 0xa6, 0x08, 0xef, 0x90, 0xc9, 0x72,
	0x5b, 0xec, 0xfa, 0x4e, 0xe7, 0x68, 0x83, 0x01, 0x7c, 0x47, 0xd1, 0x5e,
	0x51, 0x00, 0x81, 0x15, 0x4a, 0x8a, 0x02, 0xfd, 0x40, 0x63, 0x52, 0x00,
	0x58, 0xc0, 0xc6, 0xbd, 0x22, 0xdc, 0x66, 0xf5, 0x4d, 0xd2, 0x2d, 0xf4,
	0xda, 0x35, 0xf6, 0xec, 0xb9, 0xb5, 0x7f, 0x1c, 0x47, 0x81, 0x60, 0x5b,
	0x28, 0xbd, 0x3f, 0x5f, 0x05, 0x19, 0xa3, 0x43, 0x44, 0x9d, 0xec, 0x7c,
	0x5b, 0xb3, 0x98, 0x95, 0xa3, 0x32, 0x08, 0x1d, 0x50, 0xfd, 0x42, 0xd3,
	0x15,
};
static const uint8_t ect_p521_zh_sig[132] = {
	0x00, 0xe2, 0x05, 0x47, 0x30, 0xb3, 0x0b, 0xe3, 0xbc, 0x50, 0x7c, 0x2a,
	0x39, 0xd8, 0x0c, 0x68, 0x49, 0xe7, 0x60, 0x7a, 0x62, 0xbc, 0x28, 0xed,
	0x4a, 0xf0, 0x62, 0xed, 0x52, 0x20, 0xe0, 0xfa, 0x02, 0x6d, 0xa6, 0x19,
	0x70, 0x21, 0xba, 0x62, 0xaa, 0x0a, 0x48, 0x61, 0xe8, 0x97, 0x69, 0xdc,
	0xc4, 0xd7, 0x91, 0xe3, 0x31, 0xd5, 0x94, 0x51, 0x20, 0xab, 0x92, 0xce,
	0x47, 0xbb, 0x3c, 0x17, 0x42, 0x73, 0x00, 0x28, 0xbc, 0xa6, 0x26, 0xc7,
	0x68, 0x15, 0x26, 0xb6, 0xd4, 0xa6, 0xa5, 0xee, 0x15, 0xb2, 0xc5, 0x59,
	0x29, 0x80, 0x8c, 0xb2, 0x07, 0xfd, 0x0f, 0xfc, 0xfb, 0xe8, 0x53, 0x29,
	0x41, 0x2a, 0x8a, 0x95, 0x57, 0xb1, 0x76, 0x01, 0xc5, 0xdd, 0xe6, 0xf7,
	0xae, 0x64, 0xa8, 0x8e, 0x96, 0x8d, 0x60, 0xd5, 0xdd, 0x7c, 0x56, 0xcf,
	0x56, 0xab, 0xb5, 0xcd, 0xd7, 0xf7, 0x1b, 0x86, 0x97, 0x14, 0xf8, 0x8c,
};

typedef struct ect_curve {
	const char *name;
	int curve;
	size_t clen;
	jwtauth_alg alg;
	const br_hash_class *hash;
	const uint8_t *p, *n, *small, *bigx_q, *bigx_sig, *zh_q, *zh_sig;
} ect_curve;

static const ect_curve ect_curves[3] = {
	{ "P-256", BR_EC_secp256r1, 32, JWTAUTH_ALG_ES256, &br_sha256_vtable, ect_p256_p,
	  ect_p256_n, ect_p256_small, ect_p256_bigx_q, ect_p256_bigx_sig,
	  ect_p256_zh_q, ect_p256_zh_sig },
	{ "P-384", BR_EC_secp384r1, 48, JWTAUTH_ALG_ES384, &br_sha384_vtable, ect_p384_p,
	  ect_p384_n, ect_p384_small, ect_p384_bigx_q, ect_p384_bigx_sig,
	  ect_p384_zh_q, ect_p384_zh_sig },
	{ "P-521", BR_EC_secp521r1, 66, JWTAUTH_ALG_ES512, &br_sha512_vtable, ect_p521_p,
	  ect_p521_n, ect_p521_small, ect_p521_bigx_q, ect_p521_bigx_sig,
	  ect_p521_zh_q, ect_p521_zh_sig }
};

static uint64_t ect_rng = 0x9e3779b97f4a7c15u;
static uint8_t ect_byte(void)
{
	ect_rng ^= ect_rng << 13;
	ect_rng ^= ect_rng >> 7;
	ect_rng ^= ect_rng << 17;
	return (uint8_t)(ect_rng >> 24);
}

/* A random scalar in [1, n-1] (clen bytes, big-endian). */
static void ect_scalar(const ect_curve *c, uint8_t *k)
{
	size_t i;
	for (i = 0; i < c->clen; i++) k[i] = ect_byte();
	k[0] = c->clen == 66 ? (uint8_t)(k[0] & 1u) : (uint8_t)(k[0] & 0x7fu);
	k[c->clen - 1] |= 1u;
}

/* k G with BearSSL (k in [1, n-1]); the encoded length */
static size_t ect_mulgen(const ect_curve *c, const uint8_t *k, size_t klen, uint8_t *out)
{
	return br_ec_all_m31.mulgen(out, k, klen, c->curve);
}

/* The private key of a seed and its public point. */
static void ect_keypair(const ect_curve *c, uint8_t *x, uint8_t *q)
{
	ect_scalar(c, x);
	ect_mulgen(c, x, c->clen, q);
}

/* BearSSL's point check: a multiplication by 1 gives the point back. */
static int ect_bearssl_point_ok(const ect_curve *c, const uint8_t *q, size_t qlen)
{
	static const unsigned char one[1] = { 1 };
	uint8_t t[133];
	if (qlen != 1 + 2 * c->clen) return 0;
	memcpy(t, q, qlen);
	return br_ec_all_m31.mul(t, qlen, one, 1, c->curve) == 1 && memcmp(t, q, qlen) == 0;
}

static int ect_add_key(const ect_curve *c, const uint8_t *q, size_t qlen)
{
	jwtauth_keyset ks;
	jwtauth_keyset_init(&ks);
	return jwtauth_keyset_add_ec(&ks, c->curve, q, qlen, c->alg, NULL, 0);
}

/* EC keys: the loader's field-arithmetic check says what BearSSL's
   multiplication by one says, for valid points, coordinates >= p, bit
   flips and wrong encodings. */
static void ect_key_validation(void)
{
	int ci, i;
	for (ci = 0; ci < 3; ci++) {
		const ect_curve *c = &ect_curves[ci];
		size_t ql = 1 + 2 * c->clen;
		uint8_t x[66], q[133], bad[133];
		ect_keypair(c, x, q);
		CHECK_RC(ect_add_key(c, q, ql), JWTAUTH_OK);
		/* (0, y) is a point; X = 0 + p encodes the same residue, >= p */
		CHECK_RC(ect_add_key(c, c->small, ql), JWTAUTH_OK);
		CHECK(ect_bearssl_point_ok(c, c->small, ql));
		memcpy(bad, c->small, ql);
		memcpy(bad + 1, c->p, c->clen);
		CHECK_RC(ect_add_key(c, bad, ql), JWTAUTH_ERR_KEY_EC_POINT);
		CHECK(!ect_bearssl_point_ok(c, bad, ql));
		/* Y = p - y + p would not fit; Y = p itself is >= p */
		memcpy(bad, q, ql);
		memcpy(bad + 1 + c->clen, c->p, c->clen);
		CHECK_RC(ect_add_key(c, bad, ql), JWTAUTH_ERR_KEY_EC_POINT);
		/* compressed, hybrid, infinity, short, long */
		memcpy(bad, q, ql);
		bad[0] = 0x02;
		CHECK_RC(ect_add_key(c, bad, ql), JWTAUTH_ERR_KEY_EC_POINT);
		bad[0] = 0x06;
		CHECK_RC(ect_add_key(c, bad, ql), JWTAUTH_ERR_KEY_EC_POINT);
		CHECK_RC(ect_add_key(c, (const uint8_t *)"\0", 1), JWTAUTH_ERR_KEY_EC_POINT);
		CHECK_RC(ect_add_key(c, q, ql - 1), JWTAUTH_ERR_KEY_EC_POINT);
		/* one flipped bit: off the curve (or, rarely, another point) */
		for (i = 0; i < 200; i++) {
			size_t pos = 1 + (size_t)(ect_byte() | ect_byte() << 8) % (2 * c->clen);
			int ours, theirs;
			memcpy(bad, q, ql);
			bad[pos] ^= (uint8_t)(1u << (ect_byte() & 7));
			ours = ect_add_key(c, bad, ql) == JWTAUTH_OK;
			theirs = ect_bearssl_point_ok(c, bad, ql);
			CHECKF(ours == theirs, "%s: flip at %lu: jwtauth %d, BearSSL %d", c->name,
				(unsigned long)pos, ours, theirs);
		}
	}
}

/* ---- engine choice ---- */

static long ect_muladd_calls;
static br_ec_impl ect_counting_ec;
static uint32_t ect_count_muladd(unsigned char *A, const unsigned char *B, size_t len,
	const unsigned char *x, size_t xlen, const unsigned char *y, size_t ylen, int curve)
{
	ect_muladd_calls++;
	return br_ec_all_m31.muladd(A, B, len, x, xlen, y, ylen, curve);
}

static long ect_vrfy_calls;
static uint32_t ect_count_bearssl_vrfy(const br_ec_impl *impl, const void *hash,
	size_t hash_len, const br_ec_public_key *pk, const void *sig, size_t sig_len)
{
	ect_vrfy_calls++;
	return br_ecdsa_i31_vrfy_raw(impl, hash, hash_len, pk, sig, sig_len);
}

/* An ES256/384/512 signature over "msg" by a fresh key: the set holds the
   key, sig gets r || s. */
static size_t ect_signed(const ect_curve *c, jwtauth_keyset *ks, uint8_t *sig)
{
	uint8_t x[66], q[133], h[64];
	br_ec_private_key sk;
	br_hash_compat_context hc;
	ect_keypair(c, x, q);
	jwtauth_keyset_init(ks);
	if (jwtauth_keyset_add_ec(ks, c->curve, q, 1 + 2 * c->clen, c->alg, NULL, 0) != JWTAUTH_OK)
		return 0;
	sk.curve = c->curve;
	sk.x = x;
	sk.xlen = c->clen;
	c->hash->init(&hc.vtable);
	c->hash->update(&hc.vtable, "msg", 3);
	c->hash->out(&hc.vtable, h);
	return br_ecdsa_i31_sign_raw(&br_ec_all_m31, c->hash, h, &sk, sig);
}

/* Which verifier runs: the library's by default (it never calls a
   br_ec_impl), BearSSL's when the caller names it or only names a curve
   engine, the library's again when named with a curve engine. */
static void ect_engine_choice(void)
{
	jwtauth_keyset ks;
	jwtauth_engines e;
	uint8_t sig[132];
	int ci;
	ect_counting_ec = br_ec_all_m31;
	ect_counting_ec.muladd = ect_count_muladd;
	for (ci = 0; ci < 3; ci++) {
		const ect_curve *c = &ect_curves[ci];
		size_t sl = ect_signed(c, &ks, sig);
		CHECK(sl == 2 * c->clen);
		ect_muladd_calls = 0;
		CHECK_RC(jwtauth_sig_verify(&ks.keys[0], c->alg, (const uint8_t *)"msg", 3, sig, sl), JWTAUTH_OK);
#ifndef JWTAUTH_EC_BEARSSL
		CHECK_EQ(ect_muladd_calls, 0);
#endif
		memset(&e, 0, sizeof e);
		e.ec = &ect_counting_ec;
		jwtauth_keyset_set_engines(&ks, &e);
		CHECK_RC(jwtauth_sig_verify(&ks.keys[0], c->alg, (const uint8_t *)"msg", 3, sig, sl), JWTAUTH_OK);
		CHECK_EQ(ect_muladd_calls, 1);
		e.ecdsa_vrfy = ect_count_bearssl_vrfy;
		ect_vrfy_calls = 0;
		CHECK_RC(jwtauth_sig_verify(&ks.keys[0], c->alg, (const uint8_t *)"msg", 3, sig, sl), JWTAUTH_OK);
		CHECK_EQ(ect_vrfy_calls, 1);
		CHECK_EQ(ect_muladd_calls, 2);
		sig[sl - 1] ^= 1;
		CHECK_RC(jwtauth_sig_verify(&ks.keys[0], c->alg, (const uint8_t *)"msg", 3, sig, sl),
			JWTAUTH_ERR_SIGNATURE);
		sig[sl - 1] ^= 1;
#ifndef JWTAUTH_EC_BEARSSL
		e.ecdsa_vrfy = jwtauth_ecdsa_vrfy_raw;
		ect_muladd_calls = 0;
		CHECK_RC(jwtauth_sig_verify(&ks.keys[0], c->alg, (const uint8_t *)"msg", 3, sig, sl), JWTAUTH_OK);
		CHECK_EQ(ect_muladd_calls, 0);
#endif
		/* back to the defaults */
		jwtauth_keyset_set_engines(&ks, NULL);
		CHECK_RC(jwtauth_sig_verify(&ks.keys[0], c->alg, (const uint8_t *)"msg", 3, sig, sl), JWTAUTH_OK);
	}
}

/* ---- the conformance suites through BearSSL's engine ---- */

static const jwtauth_engines *ect_oracle(void)
{
	static jwtauth_engines e;
	memset(&e, 0, sizeof e);
	e.ecdsa_vrfy = ect_count_bearssl_vrfy;
	return &e;
}

/* Run a test with BearSSL's ECDSA in every set it loads; 0 when it failed
   or (must_run) never reached that verifier. The JWK suite's EC cases
   are refused before any signature check. */
static int ect_through_oracle(void (*fn)(void), const char *name, int must_run)
{
	ect_vrfy_calls = 0;
	fx_engines = ect_oracle();
	fn();
	fx_engines = NULL;
	if (tl_failed) return 0;
	tl_checks++;
	if (must_run && ect_vrfy_calls == 0) {
		TL_FAIL_AT(__FILE__, __LINE__, "%s: BearSSL's verifier never ran", name);
		return 0;
	}
	printf("  %s: %ld verifications through BearSSL's ECDSA\n", name, ect_vrfy_calls);
	return 1;
}

static void ect_oracle_wycheproof(void) { ect_through_oracle(wp_test_ecdsa, "wycheproof_ecdsa_p1363", 1); }
static void ect_oracle_jose(void)
{
	if (!ect_through_oracle(wp_test_jws, "wycheproof_jose_jws", 1)) return;
	ect_through_oracle(wp_test_jwk, "wycheproof_jose_jwk", 0);
}
static void ect_oracle_rfc(void)
{
	if (!ect_through_oracle(rfc_test_7515, "rfc7515_appendix_a", 1)) return;
	if (!ect_through_oracle(rfc_test_7520, "rfc7520_cookbook_jws", 1)) return;
	ect_through_oracle(jws_fixture_manifest, "jws_fixture_manifest", 1);
}

/* Every Wycheproof ECDSA vector on the raw interface: the library's
   verdict, BearSSL's (br_ec_all_m31 and br_ec_prime_i31) and the
   expected one agree; 'acceptable' vectors only need the engines to
   agree. No vector is skipped: a group on another curve or hash fails. */
static void ect_wycheproof_raw(void)
{
	static const char *const files[3] = {
		"ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
		"ecdsa_secp521r1_sha512_p1363_test.json"
	};
	int fi;
	long total = 0, valid = 0, exact = 0;
	for (fi = 0; fi < 3; fi++) {
		const ect_curve *c = &ect_curves[fi];
		wp_doc d;
		jwtauth_error err;
		long groups, declared, seen = 0;
		size_t g, i;
		int rc = wp_doc_load(&d, files[fi], &err);
		if (rc != JWTAUTH_OK) { wp_doc_free(&d); CHECKF(0, "%s: %s", files[fi], jwtauth_error_name(rc)); }
		groups = wp_get(&d, 0, "testGroups");
		declared = wp_num(&d, wp_get(&d, 0, "numberOfTests"));
		for (g = (size_t)groups + 1; groups >= 0 && g < d.t[groups].next; g = d.t[g].next) {
			long pk = wp_get(&d, (long)g, "publicKey"), tests = wp_get(&d, (long)g, "tests");
			size_t ql = 0;
			uint8_t *q = wp_hex(&d, wp_get(&d, pk, "uncompressed"), &ql);
			br_ec_public_key bpk;
			if (!q || tests < 0) { free(q); wp_doc_free(&d); CHECKF(0, "%s: unreadable group", files[fi]); }
			bpk.curve = c->curve;
			bpk.q = q;
			bpk.qlen = ql;
			for (i = (size_t)tests + 1; i < d.t[tests].next; i = d.t[i].next) {
				long tcid = wp_num(&d, wp_get(&d, (long)i, "tcId"));
				int want = wp_result(&d, (long)i);
				size_t ml = 0, sl = 0;
				uint8_t *msg = wp_hex(&d, wp_get(&d, (long)i, "msg"), &ml);
				uint8_t *sig = wp_hex(&d, wp_get(&d, (long)i, "sig"), &sl);
				uint8_t h[64];
				br_hash_compat_context hc;
				uint32_t m31, i31, ours;
				if (!msg || !sig) { free(msg); free(sig); free(q); wp_doc_free(&d); CHECKF(0, "%s tc %ld: unreadable", files[fi], tcid); }
				c->hash->init(&hc.vtable);
				c->hash->update(&hc.vtable, msg, ml);
				c->hash->out(&hc.vtable, h);
				m31 = br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, c->clen == 32 ? 32 : c->clen == 48 ? 48 : 64, &bpk, sig, sl);
				i31 = br_ecdsa_i31_vrfy_raw(&br_ec_prime_i31, h, c->clen == 32 ? 32 : c->clen == 48 ? 48 : 64, &bpk, sig, sl);
#ifndef JWTAUTH_EC_BEARSSL
				ours = jwtauth_ecdsa_vrfy_raw(NULL, h, c->clen == 32 ? 32 : c->clen == 48 ? 48 : 64, &bpk, sig, sl);
#else
				ours = m31;
#endif
				free(msg);
				free(sig);
				seen++;
				total++;
				valid += ours;
				/* the expected verdict holds for r || s of the curve's size;
				   other lengths are refused by the JWS layer, and the raw
				   engines read them as integers (leading zeros allowed) */
				if (sl != 2 * c->clen) want = 0;
				else exact++;
				if (ours != m31 || ours != i31 || (want == 'v' && !ours) || (want == 'i' && ours)) {
					free(q);
					wp_doc_free(&d);
					CHECKF(0, "%s tc %ld (%c): jwtauth %u, BearSSL m31 %u, i31 %u", files[fi],
						tcid, want, ours, m31, i31);
				}
			}
			free(q);
		}
		wp_doc_free(&d);
		CHECKF(declared > 0 && seen == declared, "%s: %ld vectors of %ld", files[fi], seen, declared);
	}
	printf("  %ld raw Wycheproof ECDSA verdicts identical (%ld valid, %ld of the curve's"
		" signature size, all as expected)\n", total, valid, exact);
	tl_checks += total;
}

#ifndef JWTAUTH_EC_BEARSSL

/* Big-endian a + small (or minus when negative), same length. */
static void ect_add_small(uint8_t *out, const uint8_t *a, size_t len, int small)
{
	int carry = small;
	size_t i;
	memcpy(out, a, len);
	for (i = len; i-- > 0 && carry != 0;) {
		int v = out[i] + carry;
		out[i] = (uint8_t)(v & 0xff);
		carry = v >> 8;   /* arithmetic: -1 on a borrow */
		if (v < 0) carry = -1;
	}
}

/* (x, y) -> (x, p - y) in place */
static void ect_neg_point(const ect_curve *c, uint8_t *q)
{
	int j, br = 0;
	for (j = (int)c->clen - 1; j >= 0; j--) {
		int v = c->p[j] - q[1 + c->clen + j] - br;
		br = v < 0;
		q[1 + c->clen + j] = (uint8_t)(v & 0xff);
	}
}

/* jwtauth_ec_muladd against BearSSL's muladd / mul / mulgen. */
static int ect_muladd_is(const ect_curve *c, const uint8_t *a, const uint8_t *x,
	size_t xlen, const uint8_t *y, size_t ylen, const uint8_t *want)
{
	uint8_t t[133];
	size_t ql = 1 + 2 * c->clen;
	memcpy(t, a, ql);
	if (!want) return jwtauth_ec_muladd(t, ql, x, xlen, y, ylen, c->curve) == 0;
	return jwtauth_ec_muladd(t, ql, x, xlen, y, ylen, c->curve) == 1 && memcmp(t, want, ql) == 0;
}

/* The exceptional cases of u1 G + u2 Q, each on every curve. */
static void ect_muladd_exceptional(void)
{
	int ci, i;
	for (ci = 0; ci < 3; ci++) {
		const ect_curve *c = &ect_curves[ci];
		size_t L = c->clen, ql = 1 + 2 * L;
		uint8_t one[66], two[66], nm1[66], n1[66], k[66], k2[66], big1[66], big3[66];
		uint8_t G[133], negG[133], G2[133], A[133], want[133], t[133], zero[66];
		memset(zero, 0, sizeof zero);
		memset(one, 0, L); one[L - 1] = 1;
		memset(two, 0, L); two[L - 1] = 2;
		ect_add_small(nm1, c->n, L, -1);
		ect_add_small(n1, c->n, L, 1);
		CHECK(ect_mulgen(c, one, L, G) == ql);
		CHECK(ect_mulgen(c, nm1, L, negG) == ql);
		CHECK(ect_mulgen(c, two, L, G2) == ql);
		/* 1 G + 1 G: the second addition meets its own operand (doubling) */
		CHECKF(ect_muladd_is(c, G, one, L, one, L, G2), "%s: G + G", c->name);
		/* (n-1) G + 1 G and 1 G + (n-1) G: P + (-P), infinity at the end */
		CHECKF(ect_muladd_is(c, G, nm1, L, one, L, NULL), "%s: -G + G", c->name);
		CHECKF(ect_muladd_is(c, G, one, L, nm1, L, NULL), "%s: G - G", c->name);
		/* A = -G, x = 2^200 + 1, y = 2^200 + 3: the partial sums above bit 0
		   cancel (infinity in the middle), then 2G */
		memset(big1, 0, L); big1[L - 1 - 25] = 1; big1[L - 1] = 1;
		memcpy(big3, big1, L); big3[L - 1] = 3;
		CHECKF(ect_muladd_is(c, negG, big1, L, big3, L, G2), "%s: infinity midway", c->name);
		/* zero scalars: x = 0 gives y G, y = 0 gives x A, both zero: infinity;
		   n is 0 and n + 1 is 1 (reduced modulo n) */
		ect_scalar(c, k);
		CHECK(ect_mulgen(c, k, L, want) == ql);
		CHECKF(ect_muladd_is(c, G2, zero, L, k, L, want), "%s: 0 A + k G", c->name);
		CHECKF(ect_muladd_is(c, G2, c->n, L, k, L, want), "%s: n A + k G", c->name);
		CHECKF(ect_muladd_is(c, G2, zero, 0, k, L, want), "%s: empty x", c->name);
		ect_scalar(c, k2);
		CHECK(ect_mulgen(c, k2, L, A) == ql);
		memcpy(want, A, ql);
		CHECK(br_ec_all_m31.mul(want, ql, k, L, c->curve) == 1);
		CHECKF(ect_muladd_is(c, A, k, L, zero, L, want), "%s: k A + 0 G", c->name);
		CHECKF(ect_muladd_is(c, A, zero, L, zero, L, NULL), "%s: 0 A + 0 G", c->name);
		CHECKF(ect_muladd_is(c, A, c->n, L, c->n, L, NULL), "%s: n A + n G", c->name);
		if (L != 66) {   /* n + 1 fits the same bytes except on P-521 */
			memcpy(want, A, ql);
			CHECKF(ect_muladd_is(c, A, n1, L, zero, L, want), "%s: (n+1) A", c->name);
		}
		/* A = -(kG): 1 A + k G is infinity, 2 A + k G is A */
		CHECK(ect_mulgen(c, k, L, t) == ql);
		ect_neg_point(c, t);
		CHECKF(ect_muladd_is(c, t, one, L, k, L, NULL), "%s: -(kG) + kG", c->name);
		CHECKF(ect_muladd_is(c, t, two, L, k, L, t), "%s: -2kG + kG", c->name);
		/* invalid points */
		memcpy(t, G, ql);
		t[ql - 1] ^= 1;
		CHECK(jwtauth_ec_muladd(t, ql, one, L, one, L, c->curve) == 0);
		memcpy(t, c->small, ql);
		memcpy(t + 1, c->p, L);
		CHECK(jwtauth_ec_muladd(t, ql, one, L, one, L, c->curve) == 0);
		memcpy(t, G, ql);
		CHECK(jwtauth_ec_muladd(t, ql - 1, one, L, one, L, c->curve) == 0);
		CHECK(jwtauth_ec_muladd(t, ql, one, L, one, L, 0) == 0);
		/* random points and scalars against BearSSL's muladd */
		for (i = 0; i < 40; i++) {
			uint8_t a[66], x[66], y[66];
			ect_scalar(c, a);
			ect_scalar(c, x);
			ect_scalar(c, y);
			if (i & 1) { memset(x, i & 2 ? 0xff : 0, L / 2); x[L - 1] |= 1; if (L == 66) x[0] &= 1; else x[0] &= 0x7f; }
			CHECK(ect_mulgen(c, a, L, A) == ql);
			memcpy(want, A, ql);
			CHECK(br_ec_all_m31.muladd(want, NULL, ql, x, L, y, L, c->curve) == 1);
			CHECKF(ect_muladd_is(c, A, x, L, y, L, want), "%s: random %d", c->name, i);
		}
	}
}

/* ECDSA on the raw interface: r and s at the ends of [1, n-1], lengths,
   hash truncation, and R with x >= n; every verdict also BearSSL's. */
static void ect_vrfy_edges(void)
{
	static const br_hash_class *const hs[3] = {
		&br_sha256_vtable, &br_sha384_vtable, &br_sha512_vtable
	};
	int ci, hi, vi, half;
	for (ci = 0; ci < 3; ci++) {
		const ect_curve *c = &ect_curves[ci];
		size_t L = c->clen, ql = 1 + 2 * L;
		uint8_t x[66], q[133], h[64], sig[134], s2[134], hash1[32];
		br_ec_private_key sk;
		br_ec_public_key pk;
		uint8_t vals[10][66];
		ect_keypair(c, x, q);
		sk.curve = c->curve; sk.x = x; sk.xlen = L;
		pk.curve = c->curve; pk.q = q; pk.qlen = ql;
		for (hi = 0; hi < 64; hi++) h[hi] = ect_byte();
		/* every hash length BearSSL's signer makes, truncated or not */
		for (hi = 0; hi < 3; hi++) {
			size_t hl = hi == 0 ? 32 : hi == 1 ? 48 : 64;
			size_t sl = br_ecdsa_i31_sign_raw(&br_ec_all_m31, hs[hi], h, &sk, sig);
			CHECK(sl == 2 * L);
			CHECKF(jwtauth_ecdsa_vrfy_raw(NULL, h, hl, &pk, sig, sl) == 1, "%s hash %lu", c->name, (unsigned long)hl);
			CHECK(br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, hl, &pk, sig, sl) == 1);
			CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, hl - 1, &pk, sig, sl)
				== br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, hl - 1, &pk, sig, sl));
			/* r and s one octet longer, zero-padded: still the same integers */
			memset(s2, 0, sizeof s2);
			memcpy(s2 + 1, sig, L);
			memcpy(s2 + 2 + L, sig + L, L);
			CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, hl, &pk, s2, 2 * L + 2) == 1);
			CHECK(br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, hl, &pk, s2, 2 * L + 2) == 1);
		}
		/* odd and empty lengths, a nonzero extra octet */
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 64, &pk, sig, 2 * L - 1) == 0);
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 64, &pk, sig, 0) == 0);
		s2[0] = 1;
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 64, &pk, s2, 2 * L + 2) == 0);
		/* hashes longer than any: truncated like the others */
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 0, &pk, sig, 2 * L)
			== br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, 0, &pk, sig, 2 * L));
		/* r, s in {0, 1, 2, n-2, n-1, n, n+1, p-1, p, 2^8L - 1} */
		memset(vals, 0, sizeof vals);
		vals[1][L - 1] = 1;
		vals[2][L - 1] = 2;
		ect_add_small(vals[3], c->n, L, -2);
		ect_add_small(vals[4], c->n, L, -1);
		memcpy(vals[5], c->n, L);
		ect_add_small(vals[6], c->n, L, 1);
		ect_add_small(vals[7], c->p, L, -1);
		memcpy(vals[8], c->p, L);
		memset(vals[9], 0xff, L);
		for (vi = 0; vi < 10; vi++)
			for (half = 0; half < 2; half++) {
				uint32_t ours, theirs;
				int in_range = vi >= 1 && vi <= 4;
				size_t sl = br_ecdsa_i31_sign_raw(&br_ec_all_m31, &br_sha512_vtable, h, &sk, sig);
				memcpy(sig + half * L, vals[vi], L);
				ours = jwtauth_ecdsa_vrfy_raw(NULL, h, 64, &pk, sig, sl);
				theirs = br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, 64, &pk, sig, sl);
				CHECKF(ours == theirs, "%s: %s = value %d: jwtauth %u, BearSSL %u", c->name,
					half ? "s" : "r", vi, ours, theirs);
				CHECK(ours == 0);
				(void)in_range;
			}
		/* a hash that is 0 modulo n makes u1 = 0: the signature is valid
		   (R = u2 Q) and the library says so; BearSSL's muladd refuses a
		   zero multiplier, so its verifier rejects it (a hash of zero
		   needs a preimage of 0 or n: never a real token) */
		memset(h, 0, sizeof h);
		pk.q = (unsigned char *)c->zh_q;
		CHECK(ect_bearssl_point_ok(c, c->zh_q, ql));
		CHECKF(jwtauth_ecdsa_vrfy_raw(NULL, h, 32, &pk, c->zh_sig, 2 * L) == 1, "%s: zero hash", c->name);
		CHECK(br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, h, 32, &pk, c->zh_sig, 2 * L) == 0);
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 64, &pk, c->zh_sig, 2 * L) == 1);
		memcpy(s2, c->zh_sig, 2 * L);
		s2[2 * L - 1] ^= 1;
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 32, &pk, s2, 2 * L) == 0);
		/* r = 0 over that hash: refused (BearSSL 0.6 accepts it there, its
		   muladd reports infinity as x = 0; the JWS layer's range check
		   keeps such signatures away from a BearSSL engine) */
		memset(s2, 0, 2 * L);
		s2[2 * L - 1] = 1;
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 32, &pk, s2, 2 * L) == 0);
		h[0] = 1;
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, h, 32, &pk, c->zh_sig, 2 * L) == 0);
		/* R = u1 G + u2 Q with x(R) = n + r: r = x(R) mod n verifies, x(R)
		   itself (>= n) and r + 1 do not */
		memset(hash1, 0, sizeof hash1);
		hash1[31] = 1;
		pk.q = (unsigned char *)c->bigx_q;
		CHECK(ect_bearssl_point_ok(c, c->bigx_q, ql));
		CHECKF(jwtauth_ecdsa_vrfy_raw(NULL, hash1, 32, &pk, c->bigx_sig, 2 * L) == 1, "%s: x >= n", c->name);
		CHECK(br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, hash1, 32, &pk, c->bigx_sig, 2 * L) == 1);
		memcpy(s2, c->bigx_sig, 2 * L);
		ect_add_small(s2, s2, L, 1);
		CHECK(jwtauth_ecdsa_vrfy_raw(NULL, hash1, 32, &pk, s2, 2 * L) == 0);
		{
			/* r = x(R) = n + r0 */
			int j, carry = 0;
			for (j = (int)L - 1; j >= 0; j--) {
				int v = c->n[j] + c->bigx_sig[j] + carry;
				s2[j] = (uint8_t)(v & 0xff);
				carry = v >> 8;
			}
			CHECK(jwtauth_ecdsa_vrfy_raw(NULL, hash1, 32, &pk, s2, 2 * L) == 0);
			CHECK(br_ecdsa_i31_vrfy_raw(&br_ec_all_m31, hash1, 32, &pk, s2, 2 * L) == 0);
		}
	}
}


#ifndef TEST_SEPARATE_IMPL   /* the engine's internals */
/* Field and scalar arithmetic against slower references (a bit-by-bit
   Mersenne reduction, additions with a compare, the Montgomery product to
   check inverses): P-521's own products and additions (whose
   products run on 58-bit limbs where 128-bit words exist) and the binary
   inversion of s modulo n. Operands: the edges (0, 1, 2, p-1, p-2, all
   bits of one 58-bit or 64-bit limb set, single high bits) and random
   values below the modulus. */
static void ect_arith_value(jwtauth__ec_limb *a, const jwtauth__ec_limb *m, unsigned nl,
	unsigned kind)
{
	unsigned i, bit;
	for (i = 0; i < nl; i++) a[i] = 0;
	switch (kind) {
	case 0: return;
	case 1: a[0] = 1; return;
	case 2: a[0] = 2; return;
	case 3: jwtauth__ec_subw(a, m, a, nl); a[0] -= 1; return;   /* m - 1 */
	case 4: jwtauth__ec_subw(a, m, a, nl); a[0] -= 2; return;   /* m - 2 */
	default: break;
	}
	if (kind < 40) {
		/* a run of ones: bits [lo, lo + 58) or a single bit near the top */
		unsigned lo = (kind - 5) * 58 / 2;
		unsigned top = JWTAUTH__LB * nl;
		for (bit = lo; bit < lo + 58 && bit < top; bit++)
			a[bit / JWTAUTH__LB] |= (jwtauth__ec_limb)1 << (bit % JWTAUTH__LB);
	} else {
		for (i = 0; i < nl; i++) {
			unsigned j;
			for (j = 0; j < sizeof a[i]; j++)
				a[i] = (jwtauth__ec_limb)((a[i] << 8) | ect_byte());
		}
	}
	/* below m: clear the bits above m's top one, then subtract once */
	{
		unsigned top = nl;
		jwtauth__ec_limb hi;
		while (top > 0 && m[top - 1] == 0) top--;
		hi = m[top - 1];
		for (i = top; i < nl; i++) a[i] = 0;
		bit = 0;
		while (bit < JWTAUTH__LB && (hi >> bit) != 0) bit++;
		if (bit < JWTAUTH__LB) a[top - 1] &= ((jwtauth__ec_limb)1 << bit) - 1;
		if (jwtauth__ec_cmp(a, m, nl) >= 0) jwtauth__ec_subw(a, a, m, nl);
	}
}

/* r = a b mod 2^521 - 1, the slow way: the full product, then
   lo + hi (2^521 = 1) and one subtraction of p */
static void ect_p521_mul_ref(jwtauth__ec_limb *r, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *p, unsigned nl)
{
	jwtauth__ec_limb t[2 * JWTAUTH__ECL], hi[JWTAUTH__ECL];
	unsigned i, bit;
	/* a constant limb count: the header's loops ask to be unrolled */
	jwtauth__ec_mulw(t, a, b, JWTAUTH__ECL);
	for (i = 0; i < nl; i++) hi[i] = 0;
	for (bit = 521; bit < 2 * nl * JWTAUTH__LB; bit++)
		if ((t[bit / JWTAUTH__LB] >> (bit % JWTAUTH__LB)) & 1u)
			hi[(bit - 521) / JWTAUTH__LB] |= (jwtauth__ec_limb)1 << ((bit - 521) % JWTAUTH__LB);
	for (i = 0; i < nl; i++) r[i] = i <= 521 / JWTAUTH__LB ? t[i] : 0;
	r[521 / JWTAUTH__LB] &= ((jwtauth__ec_limb)1 << (521 % JWTAUTH__LB)) - 1;
	jwtauth__ec_addw(r, r, hi, nl);
	if (jwtauth__ec_cmp(r, p, nl) >= 0) jwtauth__ec_subw(r, r, p, nl);
}

static void ect_field_arith(void)
{
	const jwtauth__ecc *c521 = jwtauth__ec_curve(BR_EC_secp521r1);
	unsigned ci, ka, kb;
	jwtauth__ecf f;
	jwtauth__ec_limb a[JWTAUTH__ECL], b[JWTAUTH__ECL], d[JWTAUTH__ECL], r[JWTAUTH__ECL];
	jwtauth__ec_limb rr[JWTAUTH__ECL], one[JWTAUTH__ECL];
	int bad_mul = 0, bad_sqr = 0, bad_add = 0, bad_sub = 0, bad_inv = 0;
	unsigned i;
	jwtauth__ecf_init(&f, c521);
	for (ka = 0; ka < 60; ka++) {
		ect_arith_value(a, f.p, f.nl, ka);
		for (kb = 0; kb < 60; kb++) {
			ect_arith_value(b, f.p, f.nl, kb);
			ect_p521_mul_ref(r, a, b, f.p, f.nl);
			JWTAUTH__FM(&f, d, a, b);
			bad_mul += jwtauth__ec_cmp(d, r, f.nl) != 0;
			if (jwtauth__ec_addw(r, a, b, f.nl) || jwtauth__ec_cmp(r, f.p, f.nl) >= 0)
				jwtauth__ec_subw(r, r, f.p, f.nl);
			JWTAUTH__FA(&f, d, a, b);
			bad_add += jwtauth__ec_cmp(d, r, f.nl) != 0;
			if (jwtauth__ec_subw(r, a, b, f.nl)) jwtauth__ec_addw(r, r, f.p, f.nl);
			JWTAUTH__FS(&f, d, a, b);
			bad_sub += jwtauth__ec_cmp(d, r, f.nl) != 0;
		}
		ect_p521_mul_ref(r, a, a, f.p, f.nl);
		JWTAUTH__FQ(&f, d, a);
		bad_sqr += jwtauth__ec_cmp(d, r, f.nl) != 0;
	}
	CHECKF(bad_mul == 0, "P-521 products: %d differ", bad_mul);
	CHECKF(bad_sqr == 0, "P-521 squares: %d differ", bad_sqr);
	CHECKF(bad_add == 0, "P-521 sums: %d differ", bad_add);
	CHECKF(bad_sub == 0, "P-521 differences: %d differ", bad_sub);

	/* s s^-1 = 1 mod n: (s w / R) R^2 / R = 1 */
	for (ci = 0; ci < 3; ci++) {
		const jwtauth__ecc *c = jwtauth__ec_curve(ect_curves[ci].curve);
		jwtauth__ecf_init(&f, c);
		jwtauth__ec_ld(rr, c->rrn, f.nl);
		for (i = 0; i < f.nl; i++) one[i] = 0;
		one[0] = 1;
		for (ka = 1; ka < 60; ka++) {
			ect_arith_value(a, f.n, f.nl, ka);
			if (jwtauth__ec_iszero(a, f.nl)) continue;
			jwtauth__ec_inv(d, a, f.n, f.nl);
			jwtauth__ec_mm(r, a, d, f.n, f.ninv, f.nl);
			jwtauth__ec_mm(r, r, rr, f.n, f.ninv, f.nl);
			bad_inv += jwtauth__ec_cmp(r, one, f.nl) != 0
				|| jwtauth__ec_cmp(d, f.n, f.nl) >= 0;
		}
		CHECKF(bad_inv == 0, "%s: %d inverses modulo n wrong", ect_curves[ci].name, bad_inv);
	}
}

#endif /* TEST_SEPARATE_IMPL */

#endif /* JWTAUTH_EC_BEARSSL */

static const test_case t_ecdsa_engine_tests[] = {
	{ "ecdsa_key_validation", ect_key_validation },
	{ "ecdsa_engine_choice", ect_engine_choice },
	{ "ecdsa_wycheproof_raw", ect_wycheproof_raw },
	{ "ecdsa_oracle_wycheproof", ect_oracle_wycheproof },
	{ "ecdsa_oracle_jose", ect_oracle_jose },
	{ "ecdsa_oracle_rfc", ect_oracle_rfc },
#ifndef JWTAUTH_EC_BEARSSL
	{ "ecdsa_muladd_exceptional", ect_muladd_exceptional },
	{ "ecdsa_vrfy_edges", ect_vrfy_edges },
#ifndef TEST_SEPARATE_IMPL
	{ "ecdsa_field_arith", ect_field_arith },
#endif
#endif
	{ NULL, NULL }
};
