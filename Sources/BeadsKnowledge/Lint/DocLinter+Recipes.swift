extension DocLinter {
    /// A recipe name defined in two places: `beads recipe run NAME` and `fix --recipe`
    /// pick one of them, and the person reading the other doc runs something else.
    func duplicateRecipes(in doc: ParsedDoc) -> [LintFinding] {
        doc.indexed.recipes.compactMap { recipe in
            let here = "\(doc.path):\(recipe.line)"
            let elsewhere = (context.recipeLocations[recipe.name] ?? []).filter { $0 != here }
            // Within the doc itself the store keeps one of two equal names: count it again.
            let twiceHere = doc.indexed.recipes.filter { $0.name == recipe.name }.count > 1
            guard !elsewhere.isEmpty || twiceHere else { return nil }
            let others = elsewhere.isEmpty ? "elsewhere in this doc" : elsewhere.joined(separator: ", ")
            return LintFinding(
                rule: .duplicateRecipe, path: doc.path, line: recipe.line,
                message:
                    "recipe \"\(recipe.name)\" is also defined in \(others): `beads recipe run \(recipe.name)` cannot say which; rename one"
            )
        }
    }
}
