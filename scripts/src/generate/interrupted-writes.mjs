// @ts-check
// What the generator's writers share to survive being killed mid-write: every file-system change
// is announced as a named step (so a test can stop the process at any one), and a temp folder
// named after a process is known to be left behind once that process is gone.

/** @typedef {(step: string, target: string) => void} WriteStepObserver */

/** @type {Set<WriteStepObserver>} */
const observers = new Set();

/**
 * Calls `observer` just before each step that changes the file system. Tests use it to exit the
 * process at a given step; the generator itself never registers one.
 * @param {WriteStepObserver} observer
 * @returns {() => void} unsubscribe
 */
export function observeWriteSteps(observer) {
  observers.add(observer);
  return () => {
    observers.delete(observer);
  };
}

/**
 * @param {string} step    e.g. "retire-old"
 * @param {string} target  absolute path the step changes
 */
export function announceWriteStep(step, target) {
  for (const observer of observers) observer(step, target);
}

/**
 * True when the process `pid` that named a temp folder can no longer be writing to it. Our own pid
 * counts as gone: our writers remove their temp folders before returning, so one carrying our pid
 * was left by an earlier process that had the same pid (pids are reused, in containers quickly).
 * @param {number} pid
 */
export function isLeftBehind(pid) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return /** @type {{ code?: string }} */ (error).code !== "EPERM";
  }
}
