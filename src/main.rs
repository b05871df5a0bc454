//! The wasm entry point: everything lives in the library.

fn main() {
    news_portal::start();
}
