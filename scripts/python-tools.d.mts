export const REPO: string;
export const BUILD_MODULES: string[];
export const APT_PACKAGES: string[];
export const INSTALL_HINT: string;
export function toolsDir(env?: NodeJS.ProcessEnv): string;
export function candidates(env?: NodeJS.ProcessEnv): string[];
export function findBuildPython(env?: NodeJS.ProcessEnv): string | undefined;
export function provision(env?: NodeJS.ProcessEnv): {
  python?: string;
  how: 'found' | 'venv' | 'apt' | 'none';
  pythonMissing: boolean;
  message: string;
};
