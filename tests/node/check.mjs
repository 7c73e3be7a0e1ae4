// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The checks of the client scripts: one "PASS name" / "FAIL name detail" line each, and a closing
// "N passed, N failed" with the exit code (non-zero on any failure, or when nothing was checked).
let passed = 0;
let failed = 0;

export function check(name, condition, detail = '') {
    if (condition) {
        passed++;
        console.log(`PASS ${name}`);
    } else {
        failed++;
        console.log(`FAIL ${name} ${detail}`);
    }
}

export function finish() {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
