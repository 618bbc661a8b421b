/*
 * bib-canary-<goarch>: prints "ok" and exits 0. It is built for each architecture other than the host's and
 * installed beside the tool; before a build for a foreign --target-arch the tool runs the one for that architecture,
 * so a host that cannot run its binaries (no qemu-user registered with binfmt_misc) is told so before osbuild starts.
 */
#include <unistd.h>

int main(void)
{
    return write(STDOUT_FILENO, "ok\n", 3) == 3 ? 0 : 1;
}
