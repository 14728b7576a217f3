// The `process` the bundles give the `yaml` package (see yamlProcessEnv in bundles.mjs): `env`
// is a plain copy of the environment made when the bundle loads, and every other member is the
// real process's, its functions bound to it (so `emitWarning`, `on` … act on the real process).
'use strict';
const real = new Proxy(process, {
  get(target, key) {
    const value = Reflect.get(target, key);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
module.exports = Object.create(real, { env: { value: { ...process.env } } });
