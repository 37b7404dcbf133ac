export const TOOL_NAME = 'dab-ready';
export const TOOL_VERSION = '0.1.0';
