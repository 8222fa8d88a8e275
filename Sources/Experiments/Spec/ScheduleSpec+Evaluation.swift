extension ScheduleSpec {
    /// The formula columns at one step, in order: each sees `t` and `step` (both = `step`), the constants,
    /// and the columns before it.
    public func columnValues(at step: Int) throws(ExpressionError) -> [Double] {
        var variables = constants.mapValues { Value.number($0) }
        variables["t"] = .number(Double(step))
        variables["step"] = .number(Double(step))
        var values: [Double] = []
        for column in columns {
            let value = try column.expression.number(using: VariableResolver(variables))
            variables[column.name] = .number(value)
            values.append(value)
        }
        return values
    }
}

extension TrainSpec {
    /// The names an `lr_lambda` sees at scheduler step `step`: `step` and the block's constants.
    public func lambdaVariables(step: Int) -> VariableResolver {
        var variables = constants.mapValues { Value.number($0) }
        variables["step"] = .number(Double(step))
        return VariableResolver(variables)
    }
}
