package io.opsdesk.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

import camundajar.impl.scala.collection.immutable.Map$;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine for the decision tables, parsing each distinct expression once. The stock
 * {@link ScalaFeelEngine} parses every input entry again at every evaluation (camunda/feel-scala#1149): with
 * two decision tables per ticket start that was a fifth of the intake's CPU (docs/performance.md). Evaluation
 * is the same call Camunda makes with the parsed expression ({@code FeelEngine.eval(ParsedExpression, Context)}),
 * with the same variables and functions, the functions built once instead of at every evaluation; an expression that does not parse is left to the stock engine, so that
 * its error reads as before. The cache holds the expressions of the deployed tables and is emptied if it ever
 * passes {@value #LIMIT} entries.
 */
final class ParsedFeelCache extends ScalaFeelEngine {

    static final int LIMIT = 10_000;

    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    /** FEEL's built-in functions and Camunda's custom ones, built once: FEEL 1.19 builds them again at every evaluation. */
    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;

    ParsedFeelCache(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
        this.functions = new FunctionProvider.CompositeFunctionProvider(toScalaList(
                new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
        this.interpreter = new FeelInterpreter(feelEngine.valueMapper());
    }

    /** The factory to set on the engine's DMN configuration. */
    static FeelEngineFactory factory(List<FeelCustomFunctionProvider> functionProviders) {
        return () -> new ParsedFeelCache(functionProviders);
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed == null) {
            return super.evaluateSimpleExpression(expression, variables);
        }
        @SuppressWarnings("unchecked")
        T value = (T) evaluate(parsed, context(new ContextVariableWrapper(variables)));
        return value;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed == null) {
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
        VariableProvider input = new VariableProvider.StaticVariableProvider(
                Map$.MODULE$.<String, Object>empty().updated(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider provider = new VariableProvider.CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        return Boolean.TRUE.equals(evaluate(parsed, context(provider)));
    }

    /** How many distinct expressions are held parsed. */
    int parsedCount() {
        return unaryTests.size() + expressions.size();
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
                                           Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(expression);
        if (known != null) {
            return known;
        }
        Either<Failure, ParsedExpression> result = parser.apply(expression);
        if (!(result instanceof Right<Failure, ParsedExpression> right)) {
            return null;
        }
        if (cache.size() >= LIMIT) {
            cache.clear();
        }
        cache.put(expression, right.value());
        return right.value();
    }

    /**
     * What {@code FeelEngine.eval(ParsedExpression, Context)} does, with the functions built once: the interpreter
     * on a fresh evaluation context (its own failure collector) merged with the variables, an error value or an
     * exception as Camunda's evaluation exception with FEEL's message, otherwise the value unpacked. An expression
     * that calls {@code assert} goes to FEEL itself, which reads the assertion's failure from the collector.
     */
    private Object evaluate(ParsedExpression parsed, Context variables) {
        if (parsed.text().contains("assert")) {
            return valueOf(feelEngine.eval(parsed, variables));
        }
        Val value;
        try {
            value = interpreter.eval(parsed.expression(),
                    EvalContext.create(feelEngine.valueMapper(), functions).merge(variables));
        } catch (RuntimeException failed) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "' : " + failed);
        }
        if (value instanceof ValError error) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
        }
        if (value instanceof ValFatalError fatal) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + fatal.error());
        }
        return feelEngine.valueMapper().unpackVal(value);
    }

    private static Object valueOf(Either<Failure, Object> result) {
        if (result instanceof Left<Failure, Object> left) {
            throw LOGGER.evaluationException(left.value().message());
        }
        return ((Right<Failure, Object>) result).value();
    }

    private static CustomContext context(VariableProvider provider) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return provider;
            }
        };
    }
}
