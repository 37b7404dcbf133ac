import { findBuildPython } from '../../scripts/python-tools.mjs';

// The Python the tests build wheels and make venvs with: the one `npm test`'s pretest found or
// provided (scripts/python-tools.mjs), e.g. /usr/bin/python3 with Debian's python3-build, or the
// project's .python-tools venv. Without one, the wheel tests fail and say which Python they tried.
export const BUILD_PYTHON: string = findBuildPython() ?? '/usr/bin/python3';
