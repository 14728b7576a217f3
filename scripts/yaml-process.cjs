// The `process` the bundles give the `yaml` package (see yamlProcessEnv in bundles.mjs): the
// real one, except that `env` is a plain copy of the environment made when the bundle loads.
'use strict';
module.exports = Object.create(process, { env: { value: { ...process.env } } });
