/// SVG element ids for chart nodes, clusters and edges, derived from the graph's slug ids.
///
/// Slug ids (`post:bi-thu@dang-uy-khoi-cac-co-quan-trung-uong`) contain `:` and `@`, which are not
/// valid in an XML `id` and need escaping in CSS selectors. `:` becomes `_` and `@` becomes `__`, so
/// `#post_bi-thu__dang-uy-khoi-cac-co-quan-trung-uong` can be styled or linked to directly. Slugs
/// never contain `_`, so different slug ids keep different element ids.
public enum ChartID {
    /// `person:huynh-tan-viet` → `person_huynh-tan-viet`.
    /// - Complexity: O(n) in the id's length.
    public static func element(_ slug: String) -> String {
        var out = ""
        out.reserveCapacity(slug.utf8.count + 4)
        for scalar in slug.unicodeScalars {
            switch scalar {
            case ":": out += "_"
            case "@": out += "__"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The id of an organisation's cluster frame: `cluster_org_…`.
    public static func cluster(_ organizationSlug: String) -> String {
        "cluster_" + element(organizationSlug)
    }
}
