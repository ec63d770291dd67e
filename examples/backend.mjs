// A backend for `apigw-vtl serve examples/openapi.yaml --backend examples/backend.mjs`:
// `lambda` answers Lambda integrations by function name, `http` answers HTTP integrations.
const pets = { 1: { id: 1, name: 'Rex' }, 2: { id: 2, name: 'Tom' } };

export const lambda = {
  getPet(event) {
    const pet = pets[event.petId];
    if (!pet) throw new Error(`Pet ${event.petId} not found`);
    return pet;
  },
};

export function http(request) {
  const pet = JSON.parse(request.body);
  if (!pet.name) return { statusCode: 422, headers: { 'Content-Type': 'application/json' }, body: '{"message": "a pet needs a name"}' };
  return { statusCode: 201, headers: { Location: '/pets/3', 'Content-Type': 'application/json' }, body: '{}' };
}

// For examples/sam-template.yaml.
lambda.getOrder = (event) => {
  if (event.orderId === 'missing') throw new Error('order not found');
  return { id: event.orderId, status: 'shipped' };
};
