/**
 * Stands in for optional modules a dependency imports on demand but Easel
 * never reaches (see OPTIONAL_MODULES_NOT_BUNDLED): loading it fails, naming
 * why, instead of the build shipping them as chunks.
 */
throw new Error('this optional module is not part of the Easel build');
export {};
