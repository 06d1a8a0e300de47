/*
 * TEST-ONLY shim, never shipped: wine 8.0 has no ProcessPrng (bcryptprimitives.dll), which the std of
 * Rust >= 1.78 imports for randomness (HashMap seeds). This DLL forwards it to BCryptGenRandom so that
 * ffi_bridge.dll and the Rust test binaries load under wine. Windows 10+ has the real one.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG))) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
