/** A consumer application: it needs the API only; the providers are resolved as services. */
module consumer.app {
    requires dev.ffibridge.api;
}
