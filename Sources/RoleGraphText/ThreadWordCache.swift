#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Each thread's ``WordCache`` for one ``WordTable``, so that the tokens of one document start from
/// the words of the documents the thread tokenised before it (``Tokenizer/tokens(of:words:)``).
///
/// Per thread, not shared: a cache is written on every new word, and a lock or atomic per document
/// would make threads that extract side by side (a JSONL stream split over cores, Spark's `RDD.pipe`)
/// wait for each other. A thread keeps one cache, for the table it used last; a thread that switches
/// tables starts a new cache, which costs only speed. The cache is released when its thread ends.
final class ThreadWordCache {
    let table: WordTable
    /// The cache, taken out while a tokenisation uses it (so that its arrays stay uniquely referenced).
    var cache: WordCache?

    private init(table: WordTable) {
        self.table = table
    }

    /// The cache, left empty until it is put back; a new one the first time.
    func take() -> WordCache {
        defer { cache = nil }
        return cache ?? WordCache(capacity: 4096, shared: table)
    }

    /// Where each thread keeps its cache: a POSIX thread-specific key, whose destructor releases it.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
            Unmanaged<ThreadWordCache>.fromOpaque(pointer).release()
            #else
            if let pointer { Unmanaged<ThreadWordCache>.fromOpaque(pointer).release() }
            #endif
        }
        precondition(status == 0, "pthread_key_create failed (\(status))")
        return key
    }()

    /// This thread's cache for `table`, made on first use. - Complexity: O(1).
    static func current(for table: WordTable) -> ThreadWordCache {
        if let pointer = pthread_getspecific(key) {
            let current = Unmanaged<ThreadWordCache>.fromOpaque(pointer).takeUnretainedValue()
            if current.table === table { return current }
            Unmanaged<ThreadWordCache>.fromOpaque(pointer).release()
        }
        let made = ThreadWordCache(table: table)
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }
}
