import type { Check } from '../model.js';

// Finding ids that only the verify stage produces (real builds and runs). The static checks with the
// same ids as verify's inspect step (entry-point-missing, package-name-mismatch, ...) are documented
// by those checks.

const noStaticRun = (): [] => [];

export const wheelCheckDocs: Check[] = [
  {
    id: 'wheel-build-failed',
    category: 'Verification',
    severity: 'critical',
    effortHours: 1,
    title: 'The wheel builds',
    successMessage: 'Every wheel a wheel task needs builds the way deploy builds it.',
    docs: `\`databricks bundle deploy\` builds each artifact before it uploads anything (\`build failed <name>,
error: ..., output: ...\`), and a wheel task whose project has no artifact fails at its first run. dab-ready
--verify runs the artifact's own build line (with bash -c in its path, as the CLI does) or
\`python -m build --wheel\` in the project folder, and reports the tool's own last lines.
Fix: run the command shown in the finding locally and fix what it reports (a missing file, a
setup.py error, packages setuptools cannot discover).`,
    breaksDeploy: true,
    run: noStaticRun,
  },
  {
    id: 'entry-point-smoke-failed',
    category: 'Verification',
    severity: 'critical',
    effortHours: 1,
    title: 'Every wheel-task entry point starts',
    successMessage: 'Every entry point a wheel task uses answers --help from a clean venv.',
    docs: `The runtime imports the entry point from the installed wheel and calls it with no arguments,
passing the task's parameters in sys.argv. dab-ready --verify installs the wheel into a fresh venv and
runs each entry point with --help (other groups and the package_name.entry_point fallback through
importlib.metadata, as the runtime does). A non-zero exit, a traceback (ModuleNotFoundError for a
module the wheel does not contain, a TypeError for required positional parameters) or a timeout here
is the job run failing at 2 AM.
Fix: make the module part of the package, give the function defaults for every parameter and parse
sys.argv (argparse), and declare the dependencies it imports.`,
    breaksDeploy: false,
    run: noStaticRun,
  },
  {
    id: 'background-process-left',
    category: 'Verification',
    severity: 'medium',
    effortHours: 0.5,
    title: 'Builds and entry points leave no process running',
    successMessage: 'No build, install or entry-point run left a process behind.',
    docs: `A setup.py, an artifact's build line or an entry point called with --help that starts a background
process (a daemon, a server, a forked helper) outlives the step that started it. \`databricks bundle deploy\`
waits for the build's output to close, so a process that keeps it open stalls the deploy; one that closes
it stays on the CI runner (or the developer's machine) with whatever it was given. dab-ready --verify runs
each program in its own process group and session with a marker in its environment, finds what is
still running when the program has ended (its group, its session, its marker, descendants seen while it
ran), ends it (TERM, then KILL) and reports it here with its command line.
Fix: do the work in the foreground and wait for it; start services from the job itself, not from the
build or at import time; build tools that keep a daemon (Gradle) take --no-daemon.`,
    breaksDeploy: false,
    run: noStaticRun,
  },
];
