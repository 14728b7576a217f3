/** The Node 24 binary code-server, and so the extension host, runs on (installed by e2e-setup.sh). */
export const NODE24: string;
