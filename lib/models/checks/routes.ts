import { Problems } from "../../core/errors";
import type { DetectionServiceProps, ModelRoute } from "../props";

/** The model's Kong routes: at least one, each with at least one path. */
export function checkRoutes(v: Problems, props: DetectionServiceProps): ModelRoute[] {
  const routes = props.routes ?? [{ paths: [`/v1/${props.name}`] }];
  if (!Array.isArray(routes) || routes.length === 0) {
    v.add("routes", routes, "must hold at least one route: a model Kong cannot reach is unreachable");
    return [];
  }
  routes.forEach((route, i) => {
    if (!route || !Array.isArray(route.paths) || route.paths.length === 0) {
      v.add(`routes[${i}].paths`, route?.paths, "must hold at least one path, e.g. [\"/v1/face-detection\"]");
    }
  });
  return routes;
}
