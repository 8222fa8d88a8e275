/// Site module.
